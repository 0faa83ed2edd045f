#include "regionfacts.h"

#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/intersects.hpp>
#include <boost/geometry/geometries/box.hpp>

#include <optional>

namespace spheres {

QList<FeatureRef> RegionFacts::concerning(const QList<std::shared_ptr<const Layer>> &layers, const Region &region)
{
    QList<FeatureRef> out;
    // Boxes first: a line far from the region is ruled out without the exact test, which took
    // a click on a large country several milliseconds per pipeline.
    using Box = bg::model::box<Point>;
    std::optional<Box> regionBox;
    const auto crosses = [&](const MultiLineString &lines) {
        if (!regionBox)
            regionBox = bg::return_envelope<Box>(region.shape);
        return bg::intersects(bg::return_envelope<Box>(lines), *regionBox) && bg::intersects(lines, region.shape);
    };
    for (const auto &layer : layers) {
        for (const Feature &f : layer->features) {
            const bool concerns = f.details().iso3 == region.code || f.details().claimants.contains(region.code) ||
                                  f.details().administeredBy.contains(region.code) || (!f.lines.empty() && crosses(f.lines));
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
