#include "attributeclassifier.h"

#include <QHash>
#include <QLocale>
#include <QSet>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace spheres {

namespace {

std::optional<double> numberOf(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
        if (const double x = value.toDouble(); std::isfinite(x))
            return x;
        return std::nullopt;
    default: return std::nullopt;
    }
}

bool isGiven(const QVariant &value) { return value.isValid() && !value.isNull(); }

/// A category's name: the value as text, as the context panel shows it.
QString categoryOf(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

/// Numbers in class labels: grouped thousands, and as many decimals as the narrowest class needs.
QString numberLabel(double x, int decimals)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions); // the C locale omits the group separator
    return c.toString(x, 'f', decimals);
}

int decimalsFor(const QList<double> &breaks)
{
    const bool whole = std::all_of(breaks.begin(), breaks.end(), [](double b) { return b == std::floor(b); });
    if (whole)
        return 0;
    double narrowest = breaks.back() - breaks.front();
    for (qsizetype i = 1; i < breaks.size(); ++i)
        narrowest = std::min(narrowest, breaks[i] - breaks[i - 1]);
    if (!(narrowest > 0))
        return 2;
    return std::clamp(1 - int(std::floor(std::log10(narrowest))), 0, 6);
}

/// Class edges of `sorted` (ascending, not empty): first the least value, last the greatest.
QList<double> breaksOf(const std::vector<double> &sorted, const AttributeStyle &style)
{
    const int k = std::clamp(style.classes, AttributeStyle::kMinClasses, AttributeStyle::kMaxClasses);
    const double low = sorted.front(), high = sorted.back();
    QList<double> breaks{low};
    for (int j = 1; j < k; ++j) {
        const double b = style.method == AttributeStyle::Method::Quantiles
                             ? sorted[size_t(double(j) * double(sorted.size()) / k)]
                             : low + (high - low) * j / k;
        if (b > breaks.back() && b < high) // ties in the data make fewer quantile classes
            breaks << b;
    }
    breaks << high;
    return breaks;
}

} // namespace

QList<AttributeClassifier::Field> AttributeClassifier::fieldsOf(const Layer &layer)
{
    QList<Field> fields;
    QHash<QString, qsizetype> indexOf;
    QList<QSet<QString>> values;
    QList<bool> anyValue;
    for (const Feature &f : layer.features) {
        for (auto it = f.properties.begin(); it != f.properties.end(); ++it) {
            auto at = indexOf.constFind(it.key());
            if (at == indexOf.constEnd()) {
                at = indexOf.insert(it.key(), fields.size());
                fields.push_back({it.key(), true, 0});
                values.push_back({});
                anyValue.push_back(false);
            }
            if (!isGiven(it.value()))
                continue;
            anyValue[*at] = true;
            Field &field = fields[*at];
            field.numeric = field.numeric && numberOf(it.value()).has_value();
            if (values[*at].size() < kCountDistinctUpTo)
                values[*at].insert(categoryOf(it.value()));
        }
    }
    for (qsizetype i = 0; i < fields.size(); ++i) {
        fields[i].distinct = int(values[i].size());
        fields[i].numeric = fields[i].numeric && anyValue[i];
    }
    return fields;
}

AttributeClasses AttributeClassifier::classify(const Layer &layer, const AttributeStyle &style)
{
    return style.isNumeric() ? numericClasses(layer, style) : categories(layer, style.field);
}

AttributeClasses AttributeClassifier::categories(const Layer &layer, const QString &field)
{
    AttributeClasses out;
    out.scale = AttributeClasses::Scale::Qualitative;
    QHash<QString, int> counts;
    QStringList names; // per feature; empty: no value
    names.reserve(layer.features.size());
    for (const Feature &f : layer.features) {
        const QVariant value = f.properties.value(field);
        names << (isGiven(value) ? categoryOf(value) : QString());
        if (!names.back().isEmpty())
            ++counts[names.back()];
    }
    QStringList kept = counts.keys();
    const bool other = kept.size() > kMaxCategories;
    if (other) { // the most frequent keep a colour of their own
        std::sort(kept.begin(), kept.end(), [&counts](const QString &a, const QString &b) {
            return counts[a] != counts[b] ? counts[a] > counts[b] : a < b;
        });
        kept = kept.mid(0, kMaxCategories - 1);
    }
    // Listed in the order of their values, numbers by number, so the legend reads like an index.
    std::sort(kept.begin(), kept.end(), [](const QString &a, const QString &b) {
        bool na = false, nb = false;
        const double x = a.toDouble(&na), y = b.toDouble(&nb);
        if (na && nb && x != y)
            return x < y;
        const int c = QString::compare(a, b, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a < b;
    });
    QHash<QString, int> classOf;
    for (const QString &name : kept) {
        classOf.insert(name, int(out.labels.size()));
        out.labels << name;
    }
    if (other)
        out.labels << tr("Other (%1 values)").arg(counts.size() - kept.size()); // always two or more
    out.featureClass.reserve(names.size());
    for (const QString &name : names) {
        const int c = name.isEmpty() ? AttributeClasses::kNoValue : classOf.value(name, int(out.labels.size()) - 1);
        out.featureClass << c;
        out.withoutValue += c == AttributeClasses::kNoValue ? 1 : 0;
    }
    return out;
}

AttributeClasses AttributeClassifier::numericClasses(const Layer &layer, const AttributeStyle &style)
{
    AttributeClasses out;
    out.scale = AttributeClasses::Scale::Sequential;
    std::vector<std::optional<double>> numbers;
    numbers.reserve(size_t(layer.features.size()));
    std::vector<double> sorted;
    for (const Feature &f : layer.features) {
        numbers.push_back(numberOf(f.properties.value(style.field)));
        if (numbers.back())
            sorted.push_back(*numbers.back());
    }
    std::sort(sorted.begin(), sorted.end());
    const QList<double> breaks = sorted.empty() ? QList<double>{} : breaksOf(sorted, style);
    const int decimals = breaks.isEmpty() ? 0 : decimalsFor(breaks);
    if (breaks.size() == 2 && breaks[0] == breaks[1])
        out.labels << numberLabel(breaks[0], decimals); // every feature has the same value
    else
        for (qsizetype i = 1; i < breaks.size(); ++i)
            out.labels << tr("%1 – %2").arg(numberLabel(breaks[i - 1], decimals), numberLabel(breaks[i], decimals));
    // Class i holds [breaks[i], breaks[i + 1]); the last holds its upper edge too.
    const auto interior = breaks.size() > 2 ? breaks.mid(1, breaks.size() - 2) : QList<double>{};
    out.featureClass.reserve(qsizetype(numbers.size()));
    for (const std::optional<double> &x : numbers) {
        if (!x) {
            out.featureClass << AttributeClasses::kNoValue;
            ++out.withoutValue;
            continue;
        }
        out.featureClass << int(std::upper_bound(interior.begin(), interior.end(), *x) - interior.begin());
    }
    return out;
}

Layer AttributeClassifier::styled(Layer layer, const AttributeStyle &style)
{
    layer.style = style;
    layer.classes = style.isSet() ? std::make_shared<const AttributeClasses>(classify(layer, style)) : nullptr;
    return layer;
}

} // namespace spheres
