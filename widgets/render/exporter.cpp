#include "exporter.h"
#include "layeredsvg.h"

#include "atomicfile.h"

#include "mapfurniture.h"
#include "maprenderer.h"
#include "pngencoder.h"
#include "scene.h"

#include <QCoreApplication>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace spheres {

namespace {

/// A PNG writer for AtomicFile: encoded in memory first (see PngEncoder).
AtomicFile::Writer pngWriter(const QImage &image)
{
    return [&image](QIODevice &file, QString &error) {
        const QByteArray png = PngEncoder::encode(image, &error);
        return !png.isEmpty() && file.write(png) == png.size();
    };
}

/// The renderer for an export: its legend keeps clear of the furniture drawn over the map.
MapRenderer clearOfFurniture(const MapRenderer &renderer, const Scene &scene, const ViewState &view,
                             const ExportOptions &options)
{
    MapRenderer out = renderer;
    out.setLegendKeepClear(Exporter::furnitureBoxes(scene, view, options, renderer.style()));
    return out;
}

QPageSize pageSize(const ExportOptions &options)
{
    switch (options.page) {
    case ExportOptions::Page::A4: return QPageSize(QPageSize::A4);
    case ExportOptions::Page::Letter: return QPageSize(QPageSize::Letter);
    case ExportOptions::Page::Pixels: break;
    }
    const QSizeF inches = QSizeF(options.pixelSize) / options.dpi;
    return QPageSize(inches, QPageSize::Inch, QString(), QPageSize::ExactMatch);
}

} // namespace

QPageSize Exporter::pdfPageSize(const ExportOptions &options) { return pageSize(options); }

QString Exporter::checkSize(const ViewState &view)
{
    const qint64 w = view.size.width(), h = view.size.height();
    if (w <= 0 || h <= 0)
        return tr("the picture size %1×%2 is empty").arg(w).arg(h);
    if (w > kMaxPixels || h > kMaxPixels)
        return tr("the picture size %1×%2 is larger than %3 pixels a side, which Qt cannot paint")
            .arg(w).arg(h).arg(kMaxPixels);
    if (w * h > 400'000'000)
        return tr("the picture size %1×%2 needs more than 1.6 GB of memory").arg(w).arg(h);
    return {};
}

QString Exporter::checkOptions(const ExportOptions &options)
{
    if (!(options.dpi >= ExportOptions::kMinDpi && options.dpi <= ExportOptions::kMaxDpi))
        return tr("the resolution %1 DPI is not between %2 and %3")
            .arg(options.dpi).arg(ExportOptions::kMinDpi).arg(ExportOptions::kMaxDpi);
    ViewState probe;
    probe.size = options.outputSize();
    if (probe.size.isEmpty())
        return tr("the picture size %1×%2 is empty").arg(probe.size.width()).arg(probe.size.height());
    switch (options.format) {
    case Format::Png:
        return checkSize(probe);
    case Format::Svg: // drawn as vectors; only the coordinates must stay in Qt's range
        return probe.size.width() > 10 * kMaxPixels || probe.size.height() > 10 * kMaxPixels
                   ? tr("the picture size %1×%2 is absurdly large").arg(probe.size.width()).arg(probe.size.height())
                   : QString();
    case Format::Pdf: {
        const QSizeF inches = QSizeF(probe.size) / options.dpi;
        if (inches.width() > kMaxPageInches || inches.height() > kMaxPageInches)
            return tr("the page %1×%2 pixels at %3 DPI is larger than %4 inches a side, the most a PDF page can be")
                .arg(probe.size.width()).arg(probe.size.height()).arg(options.dpi).arg(kMaxPageInches);
        return {};
    }
    }
    return {};
}

QImage Exporter::renderImage(const MapRenderer &renderer, const Scene &scene, const ViewState &view)
{
    QImage image(view.size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return image;
    image.fill(Qt::white);
    QPainter painter(&image);
    renderer.render(painter, scene, view);
    return image;
}

Exporter::Result Exporter::exportPng(const MapRenderer &renderer, const Scene &scene, const ViewState &view,
                                     const QString &path)
{
    if (const QString problem = checkSize(view); !problem.isEmpty())
        return {problem, Result::Status::BadOptions};
    const QImage image = renderImage(renderer, scene, view);
    if (image.isNull())
        return {tr("not enough memory for a %1×%2 picture").arg(view.size.width()).arg(view.size.height()),
                Result::Status::OutOfMemory};
    return {AtomicFile::save(path, pngWriter(image))};
}

QList<QRectF> Exporter::furnitureBoxes(const Scene &scene, const ViewState &view, const ExportOptions &options,
                                       const MapStyle &style)
{
    QList<QRectF> boxes{MapFurniture::titlePanel(view, options, style)};
    if (options.showCredits)
        boxes << MapFurniture::creditsBlock(scene, view, style).box;
    return boxes;
}

QRect Exporter::frameOn(const ViewState &view, QSize page)
{
    if (page.isEmpty())
        return QRect(QPoint(0, 0), view.size);
    return QRect(QPoint((page.width() - view.size.width()) / 2, (page.height() - view.size.height()) / 2), view.size);
}

void Exporter::paint(QPainter &painter, const MapRenderer &mapRenderer, const Scene &scene, const ViewState &view,
                     const ExportOptions &options, QSize page)
{
    const MapRenderer renderer = clearOfFurniture(mapRenderer, scene, view, options);
    const QRect frame = frameOn(view, page);
    const bool framed = !page.isEmpty() && frame.size() != page;
    if (framed)
        painter.fillRect(QRect(QPoint(0, 0), page), Qt::white);
    painter.save();
    painter.translate(frame.topLeft());
    renderer.render(painter, scene, view, options.mapPasses());
    MapFurniture::paint(painter, scene, view, options, renderer.style());
    painter.restore();
    if (framed) { // a neatline: the map ends there on purpose
        painter.save();
        painter.setPen(QPen(QColor(0x55, 0x55, 0x55), std::max(1.0, view.styleScale)));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(frame));
        painter.restore();
    }
}

QByteArray Exporter::svgDocument(const MapRenderer &mapRenderer, const Scene &scene, const ViewState &view,
                                 const ExportOptions &options, QSize page)
{
    const MapRenderer renderer = clearOfFurniture(mapRenderer, scene, view, options);
    return LayeredSvg(renderer, scene, view, options, frameOn(view, page), page.isEmpty() ? view.size : page).document();
}

Exporter::Result Exporter::exportTo(const MapRenderer &renderer, const Scene &scene, const ViewState &view,
                                    const ExportOptions &options, const QString &path)
{
    if (const QString problem = checkOptions(options); !problem.isEmpty())
        return {problem, Result::Status::BadOptions};
    AtomicFile file(path);
    if (const QString error = file.open(); !error.isEmpty())
        return {error};
    if (const Result written = exportInto(file, renderer, scene, view, options); !written.ok())
        return written;
    return {file.commit()};
}

Exporter::Result Exporter::exportInto(AtomicFile &file, const MapRenderer &renderer, const Scene &scene,
                                      const ViewState &view, const ExportOptions &options)
{
    if (const QString problem = checkOptions(options); !problem.isEmpty())
        return {problem, Result::Status::BadOptions};
    const QSize page = options.outputSize();
    ViewState out = options.fitted(view, page);
    switch (options.format) {
    case Format::Png: {
        QImage image(page, QImage::Format_ARGB32_Premultiplied);
        if (image.isNull())
            return {tr("not enough memory for a %1×%2 picture").arg(page.width()).arg(page.height()),
                    Result::Status::OutOfMemory};
        const int dotsPerMetre = int(std::lround(options.dpi / 0.0254));
        image.setDotsPerMeterX(dotsPerMetre);
        image.setDotsPerMeterY(dotsPerMetre);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            paint(painter, renderer, scene, out, options, page);
        }
        return {file.write(pngWriter(image))};
    }
    case Format::Svg:
        return {file.write(svgDocument(renderer, scene, out, options, page))};
    case Format::Pdf:
        return {file.write([&](QIODevice &device, QString &error) {
            QPdfWriter writer(&device);
            writer.setResolution(int(std::lround(options.dpi)));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            writer.setPageSize(pageSize(options));
            writer.setPageOrientation(options.page == ExportOptions::Page::Pixels || options.portrait
                                          ? QPageLayout::Portrait
                                          : QPageLayout::Landscape);
            writer.setTitle(options.title.isEmpty() ? tr("Spheres map") : options.title);
            writer.setCreator(QStringLiteral("Spheres"));
            QPainter painter;
            if (!painter.begin(&writer)) {
                error = tr("cannot start a PDF");
                return false;
            }
            const QSize pdfPage(writer.width(), writer.height()); // the page, to the pixel
            paint(painter, renderer, scene, options.fitted(view, pdfPage), options, pdfPage);
            return painter.end();
        })};
    }
    return {};
}

} // namespace spheres
