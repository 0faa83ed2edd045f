#include "attributestyledialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace spheres {

AttributeStyleDialog::AttributeStyleDialog(const Layer &layer, QWidget *parent)
    : QDialog(parent), m_fields(AttributeClassifier::fieldsOf(layer)), m_field(new QComboBox(this)),
      m_method(new QComboBox(this)), m_classes(new QSpinBox(this)), m_note(new QLabel(this))
{
    setWindowTitle(tr("Style by field"));
    auto *intro = new QLabel(tr("Colour the features of “%1” by one of their fields.").arg(layer.title), this);
    intro->setTextFormat(Qt::PlainText); // a layer's title comes from its file
    intro->setWordWrap(true);
    m_field->addItem(tr("None (one colour)"), QString());
    for (const AttributeClassifier::Field &f : std::as_const(m_fields)) {
        const QString counted = f.distinct >= AttributeClassifier::kCountDistinctUpTo
                                    ? tr("%1 (%2+ values)").arg(f.name).arg(f.distinct)
                                    : tr("%1 (%n value(s))", nullptr, f.distinct).arg(f.name);
        m_field->addItem(f.numeric ? tr("%1, numeric").arg(counted) : counted, f.name);
    }
    m_method->addItem(tr("Categories: a colour for each value"), int(AttributeStyle::Method::Categories));
    m_method->addItem(tr("Classes of equal count (quantiles)"), int(AttributeStyle::Method::Quantiles));
    m_method->addItem(tr("Classes of equal width (equal intervals)"), int(AttributeStyle::Method::EqualIntervals));
    m_classes->setRange(AttributeStyle::kMinClasses, AttributeStyle::kMaxClasses);
    m_classes->setValue(AttributeStyle::kDefaultClasses);
    m_note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Field:"), m_field);
    form->addRow(tr("&Colours:"), m_method);
    form->addRow(tr("C&lasses:"), m_classes);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    connect(m_field, &QComboBox::currentIndexChanged, this, &AttributeStyleDialog::updateChoices);
    connect(m_method, &QComboBox::currentIndexChanged, this, &AttributeStyleDialog::updateChoices);
    setStyle(layer.style);
}

AttributeStyle AttributeStyleDialog::style() const
{
    AttributeStyle style;
    style.field = m_field->currentData().toString();
    style.method = AttributeStyle::Method(m_method->currentData().toInt());
    style.classes = m_classes->value();
    return style;
}

void AttributeStyleDialog::setStyle(const AttributeStyle &style)
{
    m_field->setCurrentIndex(std::max(0, m_field->findData(style.field)));
    m_method->setCurrentIndex(std::max(0, m_method->findData(int(style.method))));
    m_classes->setValue(style.classes);
    updateChoices();
}

void AttributeStyleDialog::updateChoices()
{
    const int at = m_field->currentIndex() - 1; // the first entry is "None"
    const bool chosen = at >= 0, numeric = chosen && m_fields.value(at).numeric;
    auto *methods = qobject_cast<QStandardItemModel *>(m_method->model());
    for (int i = 1; i < m_method->count(); ++i)
        methods->item(i)->setEnabled(numeric);
    if (!numeric && m_method->currentIndex() > 0)
        m_method->setCurrentIndex(0);
    m_method->setEnabled(chosen);
    m_classes->setEnabled(numeric && m_method->currentIndex() > 0);
    const int categories = chosen ? m_fields.value(at).distinct : 0;
    m_note->setText(chosen && m_method->currentIndex() == 0 && categories > AttributeClassifier::kMaxCategories
                        ? tr("%1 values: the %2 most frequent get a colour each, the others share one.")
                              .arg(categories).arg(AttributeClassifier::kMaxCategories - 1)
                        : QString());
}

std::optional<AttributeStyle> AttributeStyleDialog::choose(QWidget *parent, const Layer &layer)
{
    AttributeStyleDialog dialog(layer, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.style();
}

} // namespace spheres
