#pragma once

#include <QHashFunctions>
#include <QString>
#include <QStringView>

namespace spheres {

/// Names one feature of one layer by their ids, or a whole layer when `feature` is empty. Its
/// string form "layer/feature" (or "layer") is what briefs store in a claim's features and a
/// view's selectedFeature, so the brief format keeps strings and code that needs the parts
/// parses them here, once.
struct FeatureKey
{
    QString layer;
    QString feature; ///< empty: the whole layer

    /// "layer/feature": the layer is everything before the first slash, the feature the rest.
    static FeatureKey fromString(QStringView text)
    {
        const qsizetype slash = text.indexOf(u'/');
        if (slash < 0)
            return {text.toString(), {}};
        return {text.left(slash).toString(), text.mid(slash + 1).toString()};
    }
    QString toString() const { return feature.isEmpty() ? layer : layer + u'/' + feature; }

    bool isWholeLayer() const { return feature.isEmpty(); }

    friend bool operator==(const FeatureKey &, const FeatureKey &) = default;
    friend size_t qHash(const FeatureKey &key, size_t seed = 0) { return qHashMulti(seed, key.layer, key.feature); }
};

} // namespace spheres
