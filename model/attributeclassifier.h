#pragma once

#include "attributestyle.h"
#include "layer.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace spheres {

/// Works out what an AttributeStyle makes of a layer: its classes, their labels and each
/// feature's class, once per style (never per frame). Also lists the fields a layer can be
/// styled by, for the window's choice.
class AttributeClassifier
{
    Q_DECLARE_TR_FUNCTIONS(AttributeClassifier)

public:
    /// Categories beyond this many: the most frequent keep their own colour, the rest share
    /// "Other" (a qualitative palette has no more hues that colour-blind readers tell apart).
    static constexpr int kMaxCategories = 8;

    struct Field
    {
        QString name;
        bool numeric = false; ///< every value given is a number: it can be cut into classes
        int distinct = 0;     ///< distinct values, counted up to kCountDistinctUpTo
    };
    static constexpr int kCountDistinctUpTo = 1000;

    /// The features' properties, in the order they first occur.
    static QList<Field> fieldsOf(const Layer &layer);
    static AttributeClasses classify(const Layer &layer, const AttributeStyle &style);
    /// `layer` (its features shared, not copied) with `style` and the classes it makes; an unset
    /// style gives the plain layer.
    static Layer styled(Layer layer, const AttributeStyle &style);

private:
    static AttributeClasses categories(const Layer &layer, const QString &field);
    static AttributeClasses numericClasses(const Layer &layer, const AttributeStyle &style);
};

} // namespace spheres
