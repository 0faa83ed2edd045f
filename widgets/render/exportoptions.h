#pragma once

#include "mapframe.h"
#include "viewlimits.h"

#include <QCoreApplication>
#include <QList>
#include <QRect>
#include <QSize>
#include <QString>

#include <optional>

namespace spheres {

struct ViewState;

/// How a view becomes a file: the format, the picture's size and resolution, and the furniture
/// (title, legend, scale bar, credits) drawn around the map. A plain value.
struct ExportOptions
{
    Q_DECLARE_TR_FUNCTIONS(ExportOptions)

public:
    enum class Format { Png, Svg, Pdf };
    /// The picture's paper: A4 or Letter at `dpi` (in any format), landscape or `portrait`, or
    /// `pixelSize` (a PDF's page is then that many pixels at `dpi`).
    enum class Page { Pixels, A4, Letter };
    /// The sizes the export dialog and `spheres export --preset` offer, in the order they list them.
    enum class Preset { Hd1080, Uhd4k, A4, Letter, Hd1080Portrait, A4Portrait, LetterPortrait };
    static QList<Preset> presets();

    /// Sizes in MapStyle are for this picture on a 96-DPI screen.
    static constexpr QSize kReferenceSize{1920, 1080};
    static constexpr double kReferenceDpi = 96.0;
    static constexpr double kMinDpi = ViewLimits::kMinDpi, kMaxDpi = ViewLimits::kMaxDpi;

    Format format = Format::Png;
    QSize pixelSize = kReferenceSize; ///< on Page::Pixels
    double dpi = kReferenceDpi;
    Page page = Page::Pixels;
    bool portrait = false; ///< on Page::A4 and Page::Letter
    QString title;
    QString subtitle;
    QString caption; ///< a text block under the title
    bool showLegend = true;
    bool showScaleBar = true;
    bool showCredits = true; ///< Natural Earth and the sources of the visible features

    /// The format a file name asks for (".png", ".svg", ".pdf", any case), or nullopt.
    static std::optional<Format> formatOf(const QString &path);
    static std::optional<Format> formatNamed(const QString &name); ///< "png", "svg", "pdf"
    static QString suffix(Format format);                          ///< "png", "svg", "pdf"
    static std::optional<Preset> presetNamed(const QString &name); ///< presetName() of a preset, any case
    /// The command line's name of `preset`: "1080p", "4k", "a4", "letter", "1080p-portrait", …
    static QString presetName(Preset preset);
    /// The dialog's words for `preset`: "1920 × 1080 (slides)", "A4 portrait, 300 DPI", …
    static QString presetTitle(Preset preset);
    /// Options for `path` in its format with the sizes of `preset`: 1920×1080, 1080×1920 or
    /// 3840×2160 at 96 DPI; A4 or Letter, landscape or portrait, at 300 DPI.
    static ExportOptions forPreset(Preset preset, Format format);

    /// The picture's size in device pixels: `pixelSize`, or the page at `dpi`.
    QSize outputSize() const;
    /// The map's passes the output draws: the legend if asked for, and the one-line credit
    /// only where the fuller credits block is not drawn.
    MapPasses mapPasses() const;
    /// Multiplies line widths and text: the larger of the output's size relative to 1920×1080
    /// (a 4K picture gets 2×; either way up) and of its DPI relative to 96 (A4 at 300 DPI gets
    /// the physical sizes of a screen, 3.125×). Small pictures keep the screen's sizes.
    double styleScale() const;
    /// Where a map of `view`'s size goes on a page of `page`: the largest rectangle of the view's
    /// proportions, centred, so that the page shows the ground the view shows, not more. The
    /// whole page when the proportions (nearly) agree, or the view has no size.
    static QRect mapFrame(QSize view, QSize page);
    /// `view` as the output shows it: resized to its mapFrame() on outputSize(), the same
    /// centre and the same ground in view, and styleScale().
    ViewState fitted(const ViewState &view) const;
    /// The same on a page of `page` pixels (a PDF's page to the pixel, a pack's map band).
    ViewState fitted(const ViewState &view, QSize page) const;
};

} // namespace spheres
