#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace spheres {

/// How a user's layer is coloured by one of its fields: each distinct value a colour of its own
/// (categories), or a numeric field cut into classes (quantiles or equal intervals). A plain
/// value, saved with the layer in the brief; the classes it makes are AttributeClasses, and the
/// colours are the renderer's.
struct AttributeStyle
{
    enum class Method { Categories, Quantiles, EqualIntervals };

    static constexpr int kDefaultClasses = 5;
    static constexpr int kMinClasses = 2;
    static constexpr int kMaxClasses = 7; ///< what a sequential palette tells apart

    QString field;                    ///< empty: the layer is drawn plain
    Method method = Method::Categories;
    int classes = kDefaultClasses;    ///< for Quantiles and EqualIntervals

    bool isSet() const { return !field.isEmpty(); }
    bool isNumeric() const { return method != Method::Categories; }
    bool operator==(const AttributeStyle &) const = default;

    /// "categories", "quantiles", "equal-intervals": the brief's words.
    static QString methodKey(Method method);
    static std::optional<Method> methodFromKey(QStringView key);
};

/// What styling a layer by a field makes of it: the classes in legend order and each
/// feature's class. Computed once per style (AttributeClassifier), read by every frame.
struct AttributeClasses
{
    static constexpr int kNoValue = -1; ///< a feature without the field (or, numeric, without a number)

    /// Categories take a qualitative palette (hues), numeric classes a sequential one (lightness).
    enum class Scale { Qualitative, Sequential };

    Scale scale = Scale::Qualitative;
    QStringList labels;      ///< one per class, in legend order: "road", "10 – 20"
    QList<int> featureClass; ///< per feature of the layer, an index into labels or kNoValue
    int withoutValue = 0;    ///< how many features have no value (drawn plain, listed last in the legend)
};

} // namespace spheres
