#pragma once

#include "layer.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <vector>

namespace spheres {

/// One feature's geometry as a file gives it, in lon/lat, before the antimeridian is dealt with.
struct RawGeometry
{
    using Ring = std::vector<Point>;
    using Polygon = std::vector<Ring>; ///< exterior first, then holes
    std::vector<std::vector<Point>> lines;
    std::vector<Polygon> polygons;
    std::vector<Point> points;
};

/// Turns raw geometry into a feature's drawable geometry, the same way for every reader of user
/// files: lines are split where they cross ±180, polygons cut there and their orientation
/// corrected.
class FeatureGeometry
{
public:
    enum class Outcome {
        Valid,
        Invalid, ///< drawn as it is; `reason` says why it is not valid
        NoArea,  ///< polygons without area: the feature should be left out
    };
    static Outcome assign(const RawGeometry &raw, Feature &feature, QString &reason);

    struct Assigned
    {
        Outcome outcome = Outcome::Valid;
        QString reason;
    };
    /// assign() for many features at once, `raw[i]` into `features[i]`, on every core the
    /// thread pool has free (the calling thread too): each feature's check is its own work.
    static std::vector<Assigned> assignAll(const std::vector<RawGeometry> &raw, Feature *features);
};

/// Keeps a layer's feature ids unique: an id used before becomes "<id>-2", "<id>-3", … in linear
/// time even when thousands of features share one id.
class UniqueFeatureIds
{
public:
    /// `id` itself when it is new, otherwise the first free "<id>-n"; either way it is taken.
    QString take(const QString &id);
    /// Room for `count` ids, so that a large layer's ids are not rehashed as they come.
    void reserve(qsizetype count);

private:
    QSet<QString> m_taken;
    QHash<QString, int> m_nextSuffix;
};

} // namespace spheres
