#include "exportcommand.h"

#include "commandline.h"

#include "atlas.h"
#include "briefingpack.h"
#include "briefio.h"
#include "charts/chartprinter.h"
#include "exporter.h"
#include "scenecache.h"
#include "exportoptions.h"
#include "geojsonreader.h"
#include "maprenderer.h"
#include "projectioncatalog.h"
#include "scene.h"
#include "userlayers.h"
#include "viewlimits.h"
#include "yearrange.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QTextStream>

#include <cmath>
#include <map>
#include <memory>
#include <optional>

namespace spheres {

namespace {

/// The translation context of this command's messages.
struct ExportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
};

constexpr double kMetresPerInch = 0.0254;

/// The command line is wrong: exit 2, with a pointer to --help.
int fail(const QString &message) { return usageError(exportCommandSpec(), message); }
/// The brief, the data or the output file is the problem: exit 1.
int failed(const QString &message) { return commandError(exportCommandSpec(), message); }

std::optional<QSize> parseSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,6})[xX×](\\d{1,6})$"));
    const auto m = pattern.match(text.trimmed());
    if (!m.hasMatch() || !ViewLimits::isSide(m.captured(1).toInt()) || !ViewLimits::isSide(m.captured(2).toInt()))
        return std::nullopt;
    return QSize(m.captured(1).toInt(), m.captured(2).toInt());
}

std::optional<QPointF> parseLonLat(const QString &text)
{
    const QStringList parts = text.split(u',');
    if (parts.size() != 2)
        return std::nullopt;
    bool okLon = false, okLat = false;
    const double lon = parts[0].trimmed().toDouble(&okLon), lat = parts[1].trimmed().toDouble(&okLat);
    if (!okLon || !okLat || !ViewLimits::isCentre({lon, lat})) // NaN is in no range
        return std::nullopt;
    return QPointF(lon, lat);
}

/// The scale denominators whose metres per pixel at `dpi` are within ViewLimits.
double minScale(double dpi) { return ViewLimits::kMinMetresPerPixel * dpi / kMetresPerInch; }
double maxScale(double dpi) { return ViewLimits::kMaxMetresPerPixel * dpi / kMetresPerInch; }

/// "25000000", "25M", "1:25M" → 25 000 000, if it is within the scales allowed at `dpi`.
std::optional<double> parseScale(QString text, double dpi)
{
    text = text.trimmed();
    if (text.startsWith(QStringLiteral("1:")))
        text = text.mid(2);
    double factor = 1;
    if (text.endsWith(u'M', Qt::CaseInsensitive) || text.endsWith(u'k', Qt::CaseInsensitive)) {
        factor = text.endsWith(u'M', Qt::CaseInsensitive) ? 1e6 : 1e3;
        text.chop(1);
    }
    bool ok = false;
    const double value = text.toDouble(&ok) * factor;
    if (!ok || !(value >= minScale(dpi) && value <= maxScale(dpi))) // NaN is in no range
        return std::nullopt;
    return value;
}

std::optional<int> parseInt(const QString &text, int min, int max)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

/// "1080p, 4k, a4, …": the presets' names, from their one list.
QString presetNames()
{
    QStringList names;
    for (ExportOptions::Preset p : ExportOptions::presets())
        names << ExportOptions::presetName(p);
    return names.join(QStringLiteral(", "));
}

} // namespace


CommandSpec exportCommandSpec()
{
    CommandSpec spec;
    spec.name = QStringLiteral("export");
    spec.summary = ExportCommand::tr("Export the map or a brief's views as PNG, SVG or PDF, without a window.");
    spec.description = ExportCommand::tr("Export the map as a PNG, SVG or PDF file without opening a window, or a brief's saved\n"
                          "views: one with --view, all of them with --all-views (a PDF briefing pack or numbered PNGs).");
    const QCommandLineOption out(QStringLiteral("out"), ExportCommand::tr("Output file (.png, .svg or .pdf)."), ExportCommand::tr("file"));
    const QCommandLineOption format(QStringLiteral("format"), ExportCommand::tr("png, svg or pdf; by default from the file name."),
                                    ExportCommand::tr("format"));
    const QCommandLineOption size(QStringLiteral("size"), ExportCommand::tr("Picture size in pixels."), ExportCommand::tr("WxH"),
                                  QStringLiteral("1920x1080"));
    const QCommandLineOption preset(QStringLiteral("preset"),
                                    ExportCommand::tr("Picture size: %1 (paper at 300 DPI; landscape unless -portrait).").arg(presetNames()),
                                    ExportCommand::tr("name"));
    const QCommandLineOption dpi(QStringLiteral("dpi"), ExportCommand::tr("Resolution, 72 to 1200 (default 96, 300 for paper)."),
                                 ExportCommand::tr("N"));
    const QCommandLineOption projection(QStringLiteral("projection"),
                                        ExportCommand::tr("Projection: %1.").arg(ProjectionCatalog::ids().join(QStringLiteral(", "))),
                                        ExportCommand::tr("id"), ProjectionCatalog::defaultPreset().projection.id());
    const QCommandLineOption center(QStringLiteral("center"), ExportCommand::tr("Centre of the picture."), ExportCommand::tr("lon,lat"));
    const QCommandLineOption scale(QStringLiteral("scale"), ExportCommand::tr("Map scale denominator at the output's DPI, e.g. 25M."),
                                   ExportCommand::tr("N"));
    const QCommandLineOption select(QStringLiteral("select"), ExportCommand::tr("Region to highlight (ISO3 code)."), ExportCommand::tr("code"));
    const QCommandLineOption year(QStringLiteral("year"), ExportCommand::tr("Year the layers are drawn as of."), ExportCommand::tr("YYYY"));
    const QCommandLineOption title(QStringLiteral("title"),
                                   ExportCommand::tr("Title drawn at the top left; by default the view's name, or the brief's title."),
                                   ExportCommand::tr("text"));
    const QCommandLineOption subtitle(QStringLiteral("subtitle"), ExportCommand::tr("Subtitle under the title."), ExportCommand::tr("text"));
    const QCommandLineOption noLegend(QStringLiteral("no-legend"), ExportCommand::tr("Leave out the legend."));
    const QCommandLineOption noCredits(QStringLiteral("no-credits"),
                                       ExportCommand::tr("Leave out the sources (the one-line base map credit stays)."));
    const QCommandLineOption noScaleBar(QStringLiteral("no-scale-bar"), ExportCommand::tr("Leave out the scale bar."));
    const QCommandLineOption viewName(QStringLiteral("view"), ExportCommand::tr("Export this saved view of the brief."), ExportCommand::tr("name"));
    const QCommandLineOption allViews(QStringLiteral("all-views"),
                                      ExportCommand::tr("Export every view of the brief: a PDF briefing pack, or numbered PNGs."));
    const QCommandLineOption noCharts(QStringLiteral("no-charts"),
                                      ExportCommand::tr("With --all-views to a PDF: leave out the pages of the views' charts."));
    // Users' own layers, drawn over ours as the window draws them.
    const QCommandLineOption layer(QStringLiteral("layer"),
                                   ExportCommand::tr("Draw this file's layers too: GeoJSON, GeoPackage, Shapefile, KML, FlatGeobuf, "
                                      "GeoJSONSeq or CSV (repeatable)."),
                                   ExportCommand::tr("file"));
    spec.options = {viewName, allViews, noCharts, out, format, size, preset, dpi, projection, center, scale, select,
                    year, title, subtitle, noLegend, noCredits, noScaleBar, layer};
    spec.positionals = {{QStringLiteral("brief"), ExportCommand::tr("A brief file, for --view and --all-views."), ExportCommand::tr("[brief]")}};
    return spec;
}

int runExportCommand(const QStringList &arguments)
{
    const CommandSpec spec = exportCommandSpec();
    QCommandLineParser parser;
    spec.configure(parser);
    const QCommandLineOption &out = spec.option(QStringLiteral("out"));
    const QCommandLineOption &format = spec.option(QStringLiteral("format"));
    const QCommandLineOption &size = spec.option(QStringLiteral("size"));
    const QCommandLineOption &preset = spec.option(QStringLiteral("preset"));
    const QCommandLineOption &dpi = spec.option(QStringLiteral("dpi"));
    const QCommandLineOption &projection = spec.option(QStringLiteral("projection"));
    const QCommandLineOption &center = spec.option(QStringLiteral("center"));
    const QCommandLineOption &scale = spec.option(QStringLiteral("scale"));
    const QCommandLineOption &select = spec.option(QStringLiteral("select"));
    const QCommandLineOption &year = spec.option(QStringLiteral("year"));
    const QCommandLineOption &title = spec.option(QStringLiteral("title"));
    const QCommandLineOption &subtitle = spec.option(QStringLiteral("subtitle"));
    const QCommandLineOption &noLegend = spec.option(QStringLiteral("no-legend"));
    const QCommandLineOption &noCredits = spec.option(QStringLiteral("no-credits"));
    const QCommandLineOption &noScaleBar = spec.option(QStringLiteral("no-scale-bar"));
    const QCommandLineOption &viewName = spec.option(QStringLiteral("view"));
    const QCommandLineOption &allViews = spec.option(QStringLiteral("all-views"));
    const QCommandLineOption &noCharts = spec.option(QStringLiteral("no-charts"));
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << spec.helpText(parser);
        return 0;
    }
    if (parser.positionalArguments().size() > 1)
        return fail(ExportCommand::tr("unexpected argument \"%1\"").arg(parser.positionalArguments().at(1)));
    std::optional<Brief> brief;
    if (!parser.positionalArguments().isEmpty()) {
        BriefReader::Result read = BriefReader::readFile(parser.positionalArguments().first());
        if (!read.ok())
            return failed(read.error);
        brief = std::move(read.brief);
    }
    if ((parser.isSet(viewName) || parser.isSet(allViews)) && !brief)
        return fail(ExportCommand::tr("--view and --all-views need a brief file"));
    if (parser.isSet(noCharts) && !parser.isSet(allViews))
        return fail(ExportCommand::tr("--no-charts goes with --all-views (only a briefing pack has chart pages)"));
    if (!brief && !parser.positionalArguments().isEmpty())
        return fail(ExportCommand::tr("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    if (!parser.isSet(out))
        return fail(ExportCommand::tr("--out is required"));
    const QString outPath = parser.value(out);
    const auto pathFormat = ExportOptions::formatOf(outPath);
    if (!pathFormat)
        return fail(ExportCommand::tr("--out \"%1\": only .png, .svg and .pdf are supported").arg(outPath));
    if (parser.isSet(format)) {
        const auto asked = ExportOptions::formatNamed(parser.value(format));
        if (!asked)
            return fail(ExportCommand::tr("--format \"%1\" is unknown; choose png, svg or pdf").arg(parser.value(format)));
        if (*asked != *pathFormat)
            return fail(ExportCommand::tr("--format %1 does not match --out \"%2\"").arg(parser.value(format).toLower(), outPath));
    }

    if (parser.isSet(allViews) && *pathFormat == ExportOptions::Format::Svg)
        return fail(ExportCommand::tr("--all-views writes a PDF briefing pack or numbered PNGs, not SVG"));

    ExportOptions options;
    options.format = *pathFormat;
    if (parser.isSet(preset)) {
        if (parser.isSet(size))
            return fail(ExportCommand::tr("--preset and --size cannot be used together"));
        const auto named = ExportOptions::presetNamed(parser.value(preset));
        if (!named)
            return fail(ExportCommand::tr("--preset \"%1\" is unknown; choose one of: %2").arg(parser.value(preset), presetNames()));
        options = ExportOptions::forPreset(*named, *pathFormat);
    } else {
        const auto pictureSize = parseSize(parser.value(size));
        if (!pictureSize || pictureSize->isEmpty())
            return fail(ExportCommand::tr("--size \"%1\" is not a size like 1920x1080, from %2x%2 to %3x%3")
                            .arg(parser.value(size)).arg(ViewLimits::kMinPixels).arg(ViewLimits::kMaxPixels));
        options.pixelSize = *pictureSize;
    }
    if (parser.isSet(dpi)) {
        const auto value = parseInt(parser.value(dpi), int(ExportOptions::kMinDpi), int(ExportOptions::kMaxDpi));
        if (!value)
            return fail(ExportCommand::tr("--dpi \"%1\" is not a number from %2 to %3")
                            .arg(parser.value(dpi)).arg(ExportOptions::kMinDpi).arg(ExportOptions::kMaxDpi));
        options.dpi = *value;
    }
    options.title = parser.value(title);
    options.subtitle = parser.value(subtitle);
    options.showLegend = !parser.isSet(noLegend);
    options.showCredits = !parser.isSet(noCredits);
    options.showScaleBar = !parser.isSet(noScaleBar);
    if (const QString problem = Exporter::checkOptions(options); !problem.isEmpty())
        return fail(ExportCommand::tr("%1: %2").arg(parser.isSet(preset) ? QStringLiteral("--preset") : QStringLiteral("--size"), problem));

    const ProjectionPreset *projectionPreset = ProjectionCatalog::find(parser.value(projection));
    if (!projectionPreset)
        return fail(ExportCommand::tr("--projection \"%1\" is unknown; choose one of: %2")
                        .arg(parser.value(projection), ProjectionCatalog::ids().join(QStringLiteral(", "))));

    ViewState view = framedView(projectionPreset->projection, projectionPreset->homeExtent, options.outputSize());
    const SavedView *chosenView = nullptr;
    if (parser.isSet(viewName)) {
        const SavedView *saved = nullptr;
        QStringList names;
        for (const SavedView &v : brief->views) {
            names << v.name;
            if (v.name.compare(parser.value(viewName), Qt::CaseInsensitive) == 0)
                saved = &v;
        }
        if (!saved)
            return failed(ExportCommand::tr("--view \"%1\" is not a view of %2; its views are: %3")
                            .arg(parser.value(viewName), parser.positionalArguments().first(), names.join(QStringLiteral(", "))));
        view = saved->state; // lit by its focused claim once the atlas is loaded, below
        chosenView = saved;
        projectionPreset = ProjectionCatalog::find(view.projectionId);
        if (options.title.isEmpty())
            options.title = saved->name;
        if (options.subtitle.isEmpty())
            options.subtitle = saved->caption;
    }
    if (brief && !parser.isSet(title) && options.title.isEmpty())
        options.title = brief->title; // the brief's own title, never its file's name
    if (parser.isSet(center)) {
        const auto c = parseLonLat(parser.value(center));
        if (!c)
            return fail(ExportCommand::tr("--center \"%1\" is not longitude,latitude in degrees, longitude from %2 to %3, latitude from %4 to %5")
                            .arg(parser.value(center))
                            .arg(ViewLimits::kMinLongitude).arg(ViewLimits::kMaxLongitude)
                            .arg(ViewLimits::kMinLatitude).arg(ViewLimits::kMaxLatitude));
        view.centre = *c;
    }
    if (parser.isSet(scale)) {
        const auto denominator = parseScale(parser.value(scale), options.dpi);
        if (!denominator)
            return fail(ExportCommand::tr("--scale \"%1\" is not a scale denominator from %2 to %3 (at %4 DPI)")
                            .arg(parser.value(scale), QString::number(std::ceil(minScale(options.dpi)), 'f', 0),
                                 QString::number(std::floor(maxScale(options.dpi)), 'f', 0))
                            .arg(options.dpi));
        view.metresPerPixel = *denominator * kMetresPerInch / options.dpi;
    }
    if (parser.isSet(year)) {
        const auto y = parseInt(parser.value(year), YearRange::facts().first, YearRange::facts().last);
        if (!y)
            return fail(ExportCommand::tr("--year \"%1\" is not a year from %2 to %3")
                            .arg(parser.value(year))
                            .arg(YearRange::facts().first)
                            .arg(YearRange::facts().last));
        view.year = *y;
    }
    if (parser.isSet(select))
        view.selectedRegion = parser.value(select).toUpper();
    view = options.fitted(view);

    SceneCache scenes;
    if (const QString error = scenes.loadBuiltIn(); !error.isEmpty())
        return failed(error);
    if (const UserLayers user = UserLayers::read(parser.values(QStringLiteral("layer")), brief ? &*brief : nullptr,
                                                 brief ? parser.positionalArguments().first() : QString());
        user.ok())
        scenes.addLayers(user.layers);
    else
        return failed(user.error);
    if (chosenView) {
        const ViewState lit = BriefingPack::litState(*brief, *chosenView, *scenes.coarse());
        view.highlightRegions = lit.highlightRegions;
        view.highlightFeatures = lit.highlightFeatures;
        view.highlightGroups = lit.highlightGroups;
    }
    if (!view.selectedRegion.isEmpty() && !scenes.coarse()->region(view.selectedRegion))
        return fail(ExportCommand::tr("--select \"%1\" is not a region code").arg(view.selectedRegion));
    MapRenderer renderer;
    if (brief)
        renderer.setAnnotations(brief->annotations); // the brief's own marks travel with every export
    if (parser.isSet(allViews)) {
        auto sceneFor = [&scenes](const QString &id) { return scenes.sceneFor(id, 0.0); };
        ProgressLine progressLine(ExportCommand::tr("views"));
        auto progress = [&progressLine](int done, int total) {
            progressLine.report(done, total);
            return true;
        };
        QStringList written;
        // The charts panel's own charts, drawn offscreen for each view that names some.
        ChartPrinter charts(scenes.layers(), scenes.coarseAtlas(), *brief);
        const BriefingPack::ChartPainter paintChart = parser.isSet(noCharts) ? nullptr : charts.chartPainter();
        const Exporter::Result packed =
            options.format == ExportOptions::Format::Pdf
                ? BriefingPack::exportPdf(renderer, sceneFor, *brief, options, outPath, progress, paintChart)
                : BriefingPack::exportPngSeries(renderer, sceneFor, *brief, options, outPath, progress, &written);
        return packed.ok() ? 0 : failed(packed.error);
    }
    const Scene &scene = *scenes.sceneFor(projectionPreset->projection.id(), view.metresPerPixel);
    const Exporter::Result result = Exporter::exportTo(renderer, scene, view, options, outPath);
    if (!result.ok())
        return failed(result.error);
    return 0;
}

} // namespace spheres
