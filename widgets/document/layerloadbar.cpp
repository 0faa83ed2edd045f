#include "layerloadbar.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace spheres {

LayerLoadBar::LayerLoadBar(AddLayer add, QWidget *parent)
    : QWidget(parent), m_add(std::move(add)), m_label(new QLabel), m_bar(new QProgressBar), m_cancel(new QToolButton)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_label->setTextFormat(Qt::PlainText); // a file name is text, never markup
    m_bar->setMaximumWidth(160);
    m_bar->setAccessibleName(tr("Layer loading progress"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop loading the layer; nothing is added"));
    connect(m_cancel, &QToolButton::clicked, this, &LayerLoadBar::cancel);
    connect(&m_loader, &UserLayerLoader::progressChanged, this, &LayerLoadBar::showProgress);
    connect(&m_loader, &UserLayerLoader::finished, this, &LayerLoadBar::onFinished);
    hide();
}

bool LayerLoadBar::start(const QString &path, const QStringList &layerNames, const Projection &projection)
{
    if (!m_loader.start(path, layerNames, projection))
        return false;
    m_label->setText(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    m_bar->setRange(0, 0); // busy until the file says how many features it holds
    m_cancel->setEnabled(true);
    show();
    return true;
}

void LayerLoadBar::cancel()
{
    m_cancel->setEnabled(false);
    m_label->setText(tr("Cancelling…"));
    m_loader.cancel();
}

void LayerLoadBar::showProgress(qint64 done, qint64 total)
{
    if (total <= 0)
        return;
    m_bar->setRange(0, 1000);
    m_bar->setValue(int(std::min<qint64>(1000, done * 1000 / total)));
}

void LayerLoadBar::onFinished()
{
    hide();
    UserLayerLoader::Outcome outcome = m_loader.takeOutcome();
    if (outcome.cancelled) {
        emit cancelled();
        return;
    }
    QStringList errors = outcome.errors;
    for (const UserLayerLoader::Loaded &loaded : outcome.layers)
        if (const QString error = m_add(loaded, outcome.path); !error.isEmpty())
            errors << error;
    emit finished(errors.join(u'\n'));
}

} // namespace spheres
