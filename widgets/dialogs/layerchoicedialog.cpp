#include "layerchoicedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace spheres {

LayerChoiceDialog::LayerChoiceDialog(const QString &fileName, const QStringList &layers, QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add layers"));
    auto *label = new QLabel(tr("%1 holds %n layer(s). Which should be added?", nullptr, int(layers.size())).arg(fileName), this);
    label->setTextFormat(Qt::PlainText); // a file name is text, never markup
    label->setWordWrap(true);
    for (const QString &name : layers) {
        auto *item = new QListWidgetItem(name, m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    connect(m_list, &QListWidget::itemChanged, this, &LayerChoiceDialog::updateOk);
    connect(m_list, &QListWidget::itemActivated, this, [](QListWidgetItem *item) {
        item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_list);
    layout->addWidget(m_buttons);
    updateOk();
}

QStringList LayerChoiceDialog::chosenLayers() const
{
    QStringList chosen;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            chosen << m_list->item(i)->text();
    return chosen;
}

void LayerChoiceDialog::updateOk() { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosenLayers().isEmpty()); }

QStringList LayerChoiceDialog::choose(QWidget *parent, const QString &fileName, const QStringList &layers)
{
    LayerChoiceDialog dialog(fileName, layers, parent);
    return dialog.exec() == QDialog::Accepted ? dialog.chosenLayers() : QStringList();
}

} // namespace spheres
