#pragma once

#include <QList>
#include <QMutex>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>

#include <map>
#include <memory>
#include <span>

namespace spheres {

class ProjectedAreas;
struct ProjectedLayer;

/// A user's layer simplified for one octave of zoom (metres per pixel from `finest` to twice
/// that), in projected metres, its features gathered into tiles of about 512 pixels so that a
/// frame draws a tile with three calls instead of a hundred thousand features with two each.
///
/// What the eye needs at a scale decides each feature's form:
/// - an outline at least 3 pixels across keeps its shape, its vertices thinned to those at
///   least 0.75 pixel apart, filled and outlined as ever;
/// - a smaller one is a *speck*: its thinned outline (or its bounds) filled in the outline
///   colour, since a 1-pixel outline round 2 pixels of fill reads as that colour anyway;
/// - one under a pixel becomes a *dot* of one pixel, never skipped: a field of parcels too
///   small to see one by one must still show where it lies and how dense it is;
/// - lines are thinned the same way, and a line under a pixel long becomes a dot.
/// Points are no part of it: they are site symbols.
class LayerDetail
{
public:
    struct Tile
    {
        QRectF bounds;      ///< metres, of everything in the tile
        QPainterPath fills; ///< outlines of features 3 pixels across or more (winding fill)
        QPainterPath specks; ///< smaller outlines, filled in the outline colour
        QPainterPath lines;
        QList<QPointF> dots; ///< centres of the features under a pixel: squares of dotMetres(), in the outline colour
    };

    LayerDetail(const ProjectedLayer &layer, double finestMetresPerPixel);
    double finestMetresPerPixel() const { return m_finest; }
    /// How wide a dot is: two pixels at the finest scale, so one or two at any in the octave.
    double dotMetres() const { return 2.0 * m_finest; }
    const QList<Tile> &tiles() const { return m_tiles; }

    /// The octave of zoom `metresPerPixel` falls in: ⌊log₂ metresPerPixel⌋.
    static int octaveOf(double metresPerPixel);
    /// `ring`'s vertices thinned to those at least `tolerance` apart (the last always kept).
    static QPolygonF thinned(std::span<const QPointF> ring, double tolerance);
    /// `path` through `toScreen` (scale and translation only), its vertices thinned to those at
    /// least `tolerance` pixels apart, rings that shrink below three vertices left as they were.
    static QPainterPath screenPath(const QPainterPath &path, const QTransform &toScreen, double tolerance = 0.5);
    /// The same of feature `i` of `areas`.
    static QPainterPath screenPath(const ProjectedAreas &areas, qsizetype i, const QTransform &toScreen, double tolerance = 0.5);

private:
    double m_finest;
    QList<Tile> m_tiles;
};

/// The LayerDetail of each octave a layer has lately been drawn at (the last four), built when
/// first asked for. Safe to share between threads: exports may draw while the window does.
class LayerDetailCache
{
public:
    std::shared_ptr<const LayerDetail> at(const ProjectedLayer &layer, double metresPerPixel);

private:
    static constexpr std::size_t kOctavesKept = 4;
    QMutex m_mutex;
    std::map<int, std::shared_ptr<const LayerDetail>> m_octaves;
    std::map<int, quint64> m_lastUse;
    quint64 m_uses = 0;
};

} // namespace spheres
