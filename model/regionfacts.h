#pragma once

#include "atlas.h"
#include "featurekey.h"
#include "layer.h"

#include <QList>

#include <memory>

namespace spheres {

/// A layer feature and the layer it belongs to.
struct FeatureRef
{
    const Layer *layer = nullptr;
    const Feature *feature = nullptr;
    QString key() const { return layer && feature ? FeatureKey{layer->id, feature->id}.toString() : QString(); }
};

/// What the layers say about one region: its memberships, the zones it claims or
/// administers, and the lines (pipelines) that cross or end in it — found by geometry, not by
/// the features' own country lists, so a user's layer works the same way.
class RegionFacts
{
public:
    static QList<FeatureRef> concerning(const QList<std::shared_ptr<const Layer>> &layers, const Region &region);
    /// The feature "layer/feature" in `layers`.
    static FeatureRef find(const QList<std::shared_ptr<const Layer>> &layers, const QString &key);
};

} // namespace spheres
