#pragma once

#include <QCoreApplication>
#include <QIODevice>
#include <QPageSize>

#include <functional>

#include "exportoptions.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QRectF>
#include <QString>

class QPainter;

namespace spheres {

class AtomicFile;
class MapRenderer;
class Scene;
struct MapStyle;
struct ViewState;

/// Renders a view into a file through the same MapRenderer as the window: PNG, or SVG and PDF
/// as vectors with real text. Files are written atomically (AtomicFile): a failed export leaves
/// the old file untouched.
class Exporter
{
    Q_DECLARE_TR_FUNCTIONS(Exporter)

public:
    using Format = ExportOptions::Format;
    /// How an export ended, and in words what went wrong (the message names the file).
    struct Result
    {
        enum class Status { Success, Cancelled, BadOptions, OutOfMemory, WriteFailed };
        Result() = default;
        /// A failure of kind `failure` with its message; an empty message is a success (as the
        /// file writers report it).
        Result(QString message, Status failure = Status::WriteFailed)
            : error(std::move(message)), status(error.isEmpty() ? Status::Success : failure)
        {
        }
        QString error; ///< empty on success
        Status status = Status::Success;
        bool ok() const { return status == Status::Success; }
    };

    /// Qt's raster engine cannot paint beyond 32767 pixels a side.
    static constexpr int kMaxPixels = ViewLimits::kMaxPixels;
    /// PDF pages are at most 14 400 points (200 inches) a side.
    static constexpr double kMaxPageInches = 200.0;

    /// `view` as the window draws it, without furniture.
    static QImage renderImage(const MapRenderer &renderer, const Scene &scene, const ViewState &view);
    /// `view` as the window draws it, as a PNG of view.size.
    static Result exportPng(const MapRenderer &renderer, const Scene &scene, const ViewState &view, const QString &path);
    /// `view` fitted to the output of `options` (see ExportOptions::fitted), with its legend and
    /// furniture, written to `path` in options.format.
    static Result exportTo(const MapRenderer &renderer, const Scene &scene, const ViewState &view,
                           const ExportOptions &options, const QString &path);

    /// Like exportTo(), into `file` (open) without committing it: for a series of files that
    /// replace the old ones only once every one of them is written.
    static Result exportInto(AtomicFile &file, const MapRenderer &renderer, const Scene &scene, const ViewState &view,
                             const ExportOptions &options);

    /// Empty when `view.size` can be rendered into an image; a message otherwise.
    static QString checkSize(const ViewState &view);
    /// The PDF page `options` ask for.
    static QPageSize pdfPageSize(const ExportOptions &options);
    /// Empty when `options` can be exported; a message otherwise.
    static QString checkOptions(const ExportOptions &options);

    /// Draws the whole export — map, legend, furniture — of a fitted view into `painter`, on a
    /// page of `page` pixels (the view's size when empty): the map and its furniture in the
    /// view's frame, centred (ExportOptions::mapFrame), the paper round it blank.
    static void paint(QPainter &painter, const MapRenderer &renderer, const Scene &scene, const ViewState &view,
                      const ExportOptions &options, QSize page = {});
    /// The furniture's boxes over a fitted view (title panel, credits): what its legend keeps clear of.
    static QList<QRectF> furnitureBoxes(const Scene &scene, const ViewState &view, const ExportOptions &options,
                                        const MapStyle &style);
    /// Where paint() puts the map of a fitted `view` on `page`.
    static QRect frameOn(const ViewState &view, QSize page);
    /// The SVG document of a fitted view on `page` (the view's size when empty): one group per
    /// pass and per shown layer (ids "basemap", "layer-<id>", "selection", "labels", "legend",
    /// "furniture"), each an Inkscape layer.
    static QByteArray svgDocument(const MapRenderer &renderer, const Scene &scene, const ViewState &view,
                                  const ExportOptions &options, QSize page = {});
};

} // namespace spheres
