#pragma once

#include <QHash>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace spheres {

class Projection;

/// Everything the renderer needs to paint one picture, as a copyable value: the same value
/// drives the window, an export and a saved view.
struct ViewState
{
    QString projectionId;
    QPointF centre;               ///< lon/lat of the picture's centre
    double metresPerPixel = 5000; ///< projected metres per logical pixel
    QSize size{1920, 1080};       ///< logical pixels
    double styleScale = 1.0;      ///< multiplies line widths and text (2 for a 4K export of a 1080p view)
    QString selectedRegion;       ///< region code, or empty
    QString hoveredRegion;
    QString selectedFeature;      ///< "layer/feature", or empty
    QString hoveredFeature;
    int year = 2026;              ///< layers are drawn as of this year
    QStringList hiddenLayers;     ///< ids of layers switched off
    QHash<QString, double> layerOpacity; ///< by layer id; 1 when absent
    QStringList hiddenAnnotations; ///< ids of the brief's annotations this view leaves out
    enum class Corner { BottomLeft, BottomRight, TopLeft, TopRight };
    /// Where the legend sits (a drag in the window moves it); it gives way to annotations there.
    Corner legendCorner = Corner::BottomLeft;
    bool legendCollapsed = false; ///< the legend folded to its title line
    /// A claim in focus lights up its regions and features ("layer/feature" or a whole layer
    /// id); everything else is dimmed. Empty: nothing is dimmed.
    QStringList highlightRegions;
    QStringList highlightFeatures;
    /// Groups the claim in focus names ("Central Asia"): a setting, outlined as one with its
    /// name, its members lit (they are in highlightRegions) but not outlined as direct links.
    QStringList highlightGroups;
    bool showsLayer(const QString &id) const { return !hiddenLayers.contains(id); }
    bool isHighlighting() const { return !highlightRegions.isEmpty() || !highlightFeatures.isEmpty(); }
    /// Without the pointer's hover: what a picture of this view shows (exports, drag frames).
    ViewState withoutPointer() const;
    /// What a saved view keeps: no hover, no claim lighting (the view's focused claim lights it
    /// again when shown), and neither the window's size nor its type scale.
    ViewState savable() const;

    bool operator==(const ViewState &) const = default;
};

/// A corner's name in a brief: "bottom-left", "bottom-right", "top-left", "top-right".
QString cornerName(ViewState::Corner corner);
std::optional<ViewState::Corner> cornerNamed(QStringView name);

/// The view of `projection` that shows the lon/lat `extent` whole inside `size`, centred.
ViewState framedView(const Projection &projection, const QRectF &extent, QSize size, double marginFraction = 0.03);

} // namespace spheres
