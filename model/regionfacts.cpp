#include "regionfacts.h"

#include <boost/geometry/algorithms/intersects.hpp>

namespace spheres {

QList<FeatureRef> RegionFacts::concerning(const QList<std::shared_ptr<const Layer>> &layers, const Region &region)
{
    QList<FeatureRef> out;
    for (const auto &layer : layers) {
        for (const Feature &f : layer->features) {
            const bool concerns = f.iso3 == region.code || f.claimants.contains(region.code) ||
                                  f.administeredBy.contains(region.code) ||
                                  (!f.lines.empty() && bg::intersects(f.lines, region.shape));
            if (concerns)
                out.push_back({layer.get(), &f});
        }
    }
    return out;
}

FeatureRef RegionFacts::find(const QList<std::shared_ptr<const Layer>> &layers, const QString &key)
{
    const FeatureKey wanted = FeatureKey::fromString(key);
    for (const auto &layer : layers) {
        if (wanted.isWholeLayer() || wanted.layer != layer->id)
            continue;
        if (const Feature *f = layer->feature(wanted.feature))
            return {layer.get(), f};
    }
    return {};
}

} // namespace spheres
