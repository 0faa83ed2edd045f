#pragma once

#include "layer.h"
#include "boxindex.h"
#include "projectedareas.h"

#include <QHash>
#include <QList>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>

#include <memory>
#include <vector>

namespace spheres {

class LayerDetailCache;
class Projection;

/// A thematic layer projected once for a projection: one path per feature, in metres, an
/// R-tree over the features' bounds, and the layer simplified for each zoom it is drawn at.
/// Copies share the index and the simplified paths.
struct ProjectedLayer
{
    std::shared_ptr<const Layer> layer;
    QString projectionId; ///< what it is projected for
    ProjectedAreas areas; ///< per feature (zones), in metres; also what a click is tested against
    QList<QPainterPath> lines; ///< per feature (pipelines, claim lines)
    QList<MultiLineString> lineShapes; ///< the same in projected metres, for what a frame shows
    QList<QList<QPointF>> points; ///< per feature (sites), in metres; points the projection cannot show are left out
    QList<QRectF> bounds; ///< per feature, of its areas, lines and points, in metres
    std::shared_ptr<const BoxIndex> index;  ///< over `bounds`
    std::shared_ptr<const BoxIndex> siteIndex, lineIndex; ///< the same, of features with points, with lines
    std::shared_ptr<LayerDetailCache> detail; ///< simplified paths per zoom

    ProjectedLayer(std::shared_ptr<const Layer> layer, const Projection &projection);

    /// The features whose bounds meet `metres`, ascending: what a frame or a click must look at.
    std::vector<int> featuresIn(const QRectF &metres) const { return index->intersecting(metres); }
    /// Those of them with points (sites), with lines.
    std::vector<int> sitesIn(const QRectF &metres) const { return siteIndex->intersecting(metres); }
    std::vector<int> linesIn(const QRectF &metres) const { return lineIndex->intersecting(metres); }
    /// Whether feature `i`'s bounds meet `metres`, edges included (a straight line's bounds have no width).
    bool meets(int i, const QRectF &metres) const;
    /// Whether feature `i` shows in `metres`: its area overlaps it, or a leg of its lines crosses
    /// it (a claim line's bounds hold much that it does not touch).
    bool shows(int i, const QRectF &metres) const;
    /// The index of the feature with `id`, or -1.
    int indexOf(const QString &id) const { return m_ids.value(id, -1); }
    /// Whether every feature exists in every year (a user's layer): nothing to ask per frame.
    bool timeless = true;

private:
    QHash<QString, int> m_ids;
};

/// Projected polygons (metres or pixels) as one path, holes included.
QPainterPath pathOfAreas(const MultiPolygon &shape);

} // namespace spheres
