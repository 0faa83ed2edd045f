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

/// Where the map looks. Saved with a view.
struct MapCamera
{
    QString projectionId;
    QPointF centre;               ///< lon/lat of the picture's centre
    double metresPerPixel = 5000; ///< projected metres per logical pixel
    bool operator==(const MapCamera &) const = default;
};

/// What the map shows. Saved with a view.
struct MapContent
{
    int year = 2026;              ///< layers are drawn as of this year
    QStringList hiddenLayers;     ///< ids of layers switched off
    QHash<QString, double> layerOpacity; ///< by layer id; 1 when absent
    QStringList hiddenAnnotations; ///< ids of the brief's annotations this view leaves out
    enum class Corner { BottomLeft, BottomRight, TopLeft, TopRight };
    /// Where the legend sits (a drag in the window moves it); it gives way to annotations there.
    Corner legendCorner = Corner::BottomLeft;
    bool legendCollapsed = false; ///< the legend folded to its title line
    bool showsLayer(const QString &id) const { return !hiddenLayers.contains(id); }
    bool operator==(const MapContent &) const = default;
};

/// What the reader points at. The selection is saved with a view (a briefer's view names its
/// country); the pointer's hover and a focused claim's lighting never are.
struct MapInteraction
{
    QString selectedRegion;       ///< region code, or empty
    QString selectedFeature;      ///< "layer/feature", or empty
    QString hoveredRegion;
    QString hoveredFeature;
    /// A claim in focus lights up its regions and features ("layer/feature" or a whole layer
    /// id); everything else is dimmed. Empty: nothing is dimmed.
    QStringList highlightRegions;
    QStringList highlightFeatures;
    /// Groups the claim in focus names ("Central Asia"): a setting, outlined as one with its
    /// name, its members lit (they are in highlightRegions) but not outlined as direct links.
    QStringList highlightGroups;
    bool isHighlighting() const { return !highlightRegions.isEmpty() || !highlightFeatures.isEmpty(); }
    void clearPointer();
    void clearHighlight();
    bool operator==(const MapInteraction &) const = default;
};

/// The picture being made: its size and resolution. Never saved; an export sets its own.
struct MapOutput
{
    /// A CSS pixel: what a logical pixel measures on a screen, by convention.
    static constexpr double kScreenDpi = 96.0;
    QSize size{1920, 1080};       ///< logical pixels
    double styleScale = 1.0;      ///< multiplies line widths and text (2 for a 4K export of a 1080p view)
    double dpi = kScreenDpi;      ///< logical pixels per inch of the picture as seen or printed
    bool operator==(const MapOutput &) const = default;
};

/// Everything the renderer needs to paint one picture, as one copyable value made of four
/// parts (as QGIS's QgsMapSettings is one value per render): the same value drives the window,
/// an export and a saved view. The parts are bases, so a field reads `view.year`, and a rule
/// about one part (what is saved, what a cache compares) takes that part whole.
struct ViewState : MapCamera, MapContent, MapInteraction, MapOutput
{
    MapCamera &camera() { return *this; }
    const MapCamera &camera() const { return *this; }
    MapContent &content() { return *this; }
    const MapContent &content() const { return *this; }
    MapInteraction &interaction() { return *this; }
    const MapInteraction &interaction() const { return *this; }
    MapOutput &output() { return *this; }
    const MapOutput &output() const { return *this; }

    /// The representative fraction's denominator at the centre (1:N), for the output's
    /// resolution: a printed page's, or a screen's by convention.
    double scaleDenominator() const { return metresPerPixel * dpi / kMetresPerInch; }
    static constexpr double kMetresPerInch = 0.0254;

    /// Without the pointer's hover: what a picture of this view shows (exports, drag frames).
    ViewState withoutPointer() const;
    /// What a saved view keeps: the camera, the content and the selection; no hover, no claim
    /// lighting (the view's focused claim lights it again when shown), and no output (neither
    /// the window's size nor its type scale).
    ViewState savable() const;

    bool operator==(const ViewState &) const = default;
};

/// A corner's name in a brief: "bottom-left", "bottom-right", "top-left", "top-right".
QString cornerName(ViewState::Corner corner);
std::optional<ViewState::Corner> cornerNamed(QStringView name);

/// The view of `projection` that shows the lon/lat `extent` whole inside `size`, centred.
ViewState framedView(const Projection &projection, const QRectF &extent, QSize size, double marginFraction = 0.03);

} // namespace spheres
