#include "exportoptions.h"

#include "viewstate.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPageSize>

#include <algorithm>
#include <cmath>

namespace spheres {

namespace {

constexpr double kPrintDpi = 300.0;

/// From the size in millimetres, which is exact for both papers: QPageSize::sizePixels() goes
/// through whole points, and sizes in inches are rounded, which puts A4 a pixel off.
QSize landscapePixels(QPageSize::PageSizeId id, double dpi)
{
    const QSizeF inches = QPageSize(id).size(QPageSize::Millimeter) / 25.4;
    return QSize(int(std::lround(inches.height() * dpi)), int(std::lround(inches.width() * dpi)));
}

} // namespace

std::optional<ExportOptions::Format> ExportOptions::formatOf(const QString &path)
{
    return formatNamed(QFileInfo(path).suffix());
}

std::optional<ExportOptions::Format> ExportOptions::formatNamed(const QString &name)
{
    const QString n = name.toLower();
    if (n == u"png")
        return Format::Png;
    if (n == u"svg")
        return Format::Svg;
    if (n == u"pdf")
        return Format::Pdf;
    return std::nullopt;
}

QString ExportOptions::suffix(Format format)
{
    switch (format) {
    case Format::Png: return QStringLiteral("png");
    case Format::Svg: return QStringLiteral("svg");
    case Format::Pdf: return QStringLiteral("pdf");
    }
    return {};
}

QList<ExportOptions::Preset> ExportOptions::presets()
{
    return {Preset::Hd1080, Preset::Uhd4k, Preset::A4, Preset::Letter, Preset::Hd1080Portrait, Preset::A4Portrait,
            Preset::LetterPortrait};
}

std::optional<ExportOptions::Preset> ExportOptions::presetNamed(const QString &name)
{
    for (Preset p : presets())
        if (presetName(p).compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return p;
    return std::nullopt;
}

QString ExportOptions::presetName(Preset preset)
{
    switch (preset) {
    case Preset::Hd1080: return QStringLiteral("1080p");
    case Preset::Uhd4k: return QStringLiteral("4k");
    case Preset::A4: return QStringLiteral("a4");
    case Preset::Letter: return QStringLiteral("letter");
    case Preset::Hd1080Portrait: return QStringLiteral("1080p-portrait");
    case Preset::A4Portrait: return QStringLiteral("a4-portrait");
    case Preset::LetterPortrait: return QStringLiteral("letter-portrait");
    }
    return {};
}

QString ExportOptions::presetTitle(Preset preset)
{
    switch (preset) {
    case Preset::Hd1080: return tr("1920 × 1080 (slides)");
    case Preset::Uhd4k: return tr("3840 × 2160 (4K)");
    case Preset::A4: return tr("A4 landscape, 300 DPI");
    case Preset::Letter: return tr("Letter landscape, 300 DPI");
    case Preset::Hd1080Portrait: return tr("1080 × 1920 (portrait screen)");
    case Preset::A4Portrait: return tr("A4 portrait, 300 DPI");
    case Preset::LetterPortrait: return tr("Letter portrait, 300 DPI");
    }
    return {};
}

ExportOptions ExportOptions::forPreset(Preset preset, Format format)
{
    ExportOptions o;
    o.format = format;
    switch (preset) {
    case Preset::Hd1080:
        o.pixelSize = kReferenceSize;
        break;
    case Preset::Hd1080Portrait:
        o.pixelSize = kReferenceSize.transposed();
        break;
    case Preset::Uhd4k:
        o.pixelSize = kReferenceSize * 2;
        break;
    case Preset::A4:
    case Preset::Letter:
    case Preset::A4Portrait:
    case Preset::LetterPortrait:
        o.dpi = kPrintDpi;
        o.page = preset == Preset::A4 || preset == Preset::A4Portrait ? Page::A4 : Page::Letter;
        o.portrait = preset == Preset::A4Portrait || preset == Preset::LetterPortrait;
        break;
    }
    return o;
}

QSize ExportOptions::outputSize() const
{
    if (page == Page::Pixels)
        return pixelSize;
    const QSize landscape = landscapePixels(page == Page::A4 ? QPageSize::A4 : QPageSize::Letter, dpi);
    return portrait ? landscape.transposed() : landscape;
}

double ExportOptions::styleScale() const
{
    const QSize size = outputSize();
    const double longSide = std::max(size.width(), size.height()), shortSide = std::min(size.width(), size.height());
    const double bySize = std::min(longSide / kReferenceSize.width(), shortSide / kReferenceSize.height());
    return std::max({1.0, bySize, dpi / kReferenceDpi});
}

QRect ExportOptions::mapFrame(QSize view, QSize page)
{
    const QRect whole(QPoint(0, 0), page);
    if (view.isEmpty() || page.isEmpty())
        return whole;
    const QSize frame = view.scaled(page, Qt::KeepAspectRatio);
    // Within a percent the page is the frame: a hairline of paper beside a map looks a mistake.
    constexpr double kTolerance = 0.01;
    if (frame.width() >= page.width() * (1 - kTolerance) && frame.height() >= page.height() * (1 - kTolerance))
        return whole;
    return QRect(QPoint((page.width() - frame.width()) / 2, (page.height() - frame.height()) / 2), frame);
}

ViewState ExportOptions::fitted(const ViewState &view) const { return fitted(view, outputSize()); }

ViewState ExportOptions::fitted(const ViewState &view, QSize page) const
{
    ViewState out = view.withoutPointer(); // the pointer is not part of the picture
    out.size = mapFrame(view.size, page).size();
    if (!view.size.isEmpty() && !out.size.isEmpty()) {
        const double k = std::min(double(out.size.width()) / view.size.width(),
                                  double(out.size.height()) / view.size.height());
        out.metresPerPixel = view.metresPerPixel / k;
    }
    out.styleScale = styleScale();
    out.dpi = dpi;
    return out;
}

MapPasses ExportOptions::mapPasses() const
{
    MapPasses passes(0xff);
    if (!showLegend)
        passes &= ~MapPasses(MapPass::Legend);
    if (showCredits) // MapFurniture draws fuller credits in its place
        passes &= ~MapPasses(MapPass::Credits);
    return passes;
}

} // namespace spheres
