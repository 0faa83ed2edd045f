#pragma once

#include "attributeclassifier.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QSpinBox;

namespace spheres {

/// "Style by field…": choose the field a user's layer is coloured by, and how: its values as
/// categories, or a numeric field cut into classes (quantiles or equal intervals).
class AttributeStyleDialog : public QDialog
{
    Q_OBJECT
public:
    AttributeStyleDialog(const Layer &layer, QWidget *parent = nullptr);

    AttributeStyle style() const;
    /// Sets the choices to `style` (the layer's current one when the dialog opens).
    void setStyle(const AttributeStyle &style);
    /// Runs the dialog; nullopt when cancelled.
    static std::optional<AttributeStyle> choose(QWidget *parent, const Layer &layer);

    QComboBox *fieldBox() const { return m_field; }
    QComboBox *methodBox() const { return m_method; }
    QSpinBox *classesBox() const { return m_classes; }

private:
    /// Numeric methods only for numeric fields; the number of classes only for them.
    void updateChoices();

    QList<AttributeClassifier::Field> m_fields;
    QComboBox *m_field = nullptr;
    QComboBox *m_method = nullptr;
    QSpinBox *m_classes = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace spheres
