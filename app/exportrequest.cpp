#include "exportrequest.h"

#include "briefio.h"
#include "exporter.h"
#include "projectioncatalog.h"
#include "viewlimits.h"
#include "yearrange.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <QTextStream>

#include <cmath>

namespace spheres {

namespace {

constexpr double kMetresPerInch = 0.0254;

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

/// Reads the arguments into an ExportRequest, a step at a time; each step returns the exit code
/// when it found a problem (printed on stderr), in the order the options have always been checked.
class ExportCommandParser
{
public:
    ParsedExport parse(const QStringList &arguments);

private:
    std::optional<int> readBrief();
    std::optional<int> readOutput();
    std::optional<int> readPicture();
    std::optional<int> readProjectionAndView();
    std::optional<int> readCamera();

    bool isSet(const char *name) const { return m_parser.isSet(QLatin1String(name)); }
    QString value(const char *name) const { return m_parser.value(QLatin1String(name)); }
    /// The command line is wrong: exit 2, with a pointer to --help.
    int fail(const QString &message) const { return usageError(m_spec, message); }
    /// The brief, the data or the output file is the problem: exit 1.
    int failed(const QString &message) const { return commandError(m_spec, message); }

    const CommandSpec m_spec = exportCommandSpec();
    QCommandLineParser m_parser;
    ExportRequest m_request;
};

ParsedExport ExportCommandParser::parse(const QStringList &arguments)
{
    m_spec.configure(m_parser);
    if (!m_parser.parse(arguments))
        return {std::nullopt, fail(m_parser.errorText())};
    if (isSet("help")) {
        QTextStream(stdout) << m_spec.helpText(m_parser);
        return {std::nullopt, exitCode(ExitCode::Ok)};
    }
    for (auto step : {&ExportCommandParser::readBrief, &ExportCommandParser::readOutput, &ExportCommandParser::readPicture,
                      &ExportCommandParser::readProjectionAndView, &ExportCommandParser::readCamera})
        if (const std::optional<int> code = (this->*step)())
            return {std::nullopt, *code};
    m_request.view = m_request.options.fitted(m_request.view);
    m_request.layerFiles = m_parser.values(QStringLiteral("layer"));
    return {std::move(m_request), exitCode(ExitCode::Ok)};
}

std::optional<int> ExportCommandParser::readBrief()
{
    const QStringList positionals = m_parser.positionalArguments();
    if (positionals.size() > 1)
        return fail(ExportCommand::tr("unexpected argument \"%1\"").arg(positionals.at(1)));
    if (!positionals.isEmpty()) {
        BriefReader::Result read = BriefReader::readFile(positionals.first());
        if (!read.ok())
            return failed(read.error);
        m_request.brief = std::move(read.brief);
        m_request.briefPath = positionals.first();
    }
    m_request.allViews = isSet("all-views");
    m_request.charts = !isSet("no-charts");
    if ((isSet("view") || m_request.allViews) && !m_request.brief)
        return fail(ExportCommand::tr("--view and --all-views need a brief file"));
    if (!m_request.charts && !m_request.allViews)
        return fail(ExportCommand::tr("--no-charts goes with --all-views (only a briefing pack has chart pages)"));
    return std::nullopt;
}

std::optional<int> ExportCommandParser::readOutput()
{
    if (!isSet("out"))
        return fail(ExportCommand::tr("--out is required"));
    const QString outPath = value("out");
    const auto pathFormat = ExportOptions::formatOf(outPath);
    if (!pathFormat)
        return fail(ExportCommand::tr("--out \"%1\": only .png, .svg and .pdf are supported").arg(outPath));
    if (isSet("format")) {
        const auto asked = ExportOptions::formatNamed(value("format"));
        if (!asked)
            return fail(ExportCommand::tr("--format \"%1\" is unknown; choose png, svg or pdf").arg(value("format")));
        if (*asked != *pathFormat)
            return fail(ExportCommand::tr("--format %1 does not match --out \"%2\"").arg(value("format").toLower(), outPath));
    }
    if (m_request.allViews && *pathFormat == ExportOptions::Format::Svg)
        return fail(ExportCommand::tr("--all-views writes a PDF briefing pack or numbered PNGs, not SVG"));
    m_request.outPath = outPath;
    m_request.options.format = *pathFormat;
    return std::nullopt;
}

std::optional<int> ExportCommandParser::readPicture()
{
    ExportOptions &options = m_request.options;
    if (isSet("preset")) {
        if (isSet("size"))
            return fail(ExportCommand::tr("--preset and --size cannot be used together"));
        const auto named = ExportOptions::presetNamed(value("preset"));
        if (!named)
            return fail(ExportCommand::tr("--preset \"%1\" is unknown; choose one of: %2").arg(value("preset"), presetNames()));
        options = ExportOptions::forPreset(*named, options.format);
    } else {
        const auto pictureSize = parseSize(value("size"));
        if (!pictureSize || pictureSize->isEmpty())
            return fail(ExportCommand::tr("--size \"%1\" is not a size like 1920x1080, from %2x%2 to %3x%3")
                            .arg(value("size")).arg(ViewLimits::kMinPixels).arg(ViewLimits::kMaxPixels));
        options.pixelSize = *pictureSize;
    }
    if (isSet("dpi")) {
        const auto dpi = parseInt(value("dpi"), int(ExportOptions::kMinDpi), int(ExportOptions::kMaxDpi));
        if (!dpi)
            return fail(ExportCommand::tr("--dpi \"%1\" is not a number from %2 to %3")
                            .arg(value("dpi")).arg(ExportOptions::kMinDpi).arg(ExportOptions::kMaxDpi));
        options.dpi = *dpi;
    }
    options.title = value("title");
    options.subtitle = value("subtitle");
    options.showLegend = !isSet("no-legend");
    options.showCredits = !isSet("no-credits");
    options.showScaleBar = !isSet("no-scale-bar");
    if (const QString problem = Exporter::checkOptions(options); !problem.isEmpty())
        return fail(ExportCommand::tr("%1: %2").arg(isSet("preset") ? QStringLiteral("--preset") : QStringLiteral("--size"), problem));
    return std::nullopt;
}

std::optional<int> ExportCommandParser::readProjectionAndView()
{
    m_request.projection = ProjectionCatalog::find(value("projection"));
    if (!m_request.projection)
        return fail(ExportCommand::tr("--projection \"%1\" is unknown; choose one of: %2")
                        .arg(value("projection"), ProjectionCatalog::ids().join(QStringLiteral(", "))));
    ExportOptions &options = m_request.options;
    m_request.view = framedView(m_request.projection->projection, m_request.projection->homeExtent, options.outputSize());
    if (isSet("view")) {
        QStringList names;
        for (const SavedView &v : m_request.brief->views) {
            names << v.name;
            if (v.name.compare(value("view"), Qt::CaseInsensitive) == 0)
                m_request.savedView = v;
        }
        const std::optional<SavedView> &saved = m_request.savedView;
        if (!saved)
            return failed(ExportCommand::tr("--view \"%1\" is not a view of %2; its views are: %3")
                              .arg(value("view"), m_request.briefPath, names.join(QStringLiteral(", "))));
        m_request.view = saved->state;
        m_request.projection = ProjectionCatalog::find(saved->state.projectionId);
        if (options.title.isEmpty())
            options.title = saved->name;
        if (options.subtitle.isEmpty())
            options.subtitle = saved->caption;
    }
    if (m_request.brief && !isSet("title") && options.title.isEmpty())
        options.title = m_request.brief->title; // the brief's own title, never its file's name
    return std::nullopt;
}

std::optional<int> ExportCommandParser::readCamera()
{
    ViewState &view = m_request.view;
    const double dpi = m_request.options.dpi;
    if (isSet("center")) {
        const auto c = parseLonLat(value("center"));
        if (!c)
            return fail(ExportCommand::tr("--center \"%1\" is not longitude,latitude in degrees, longitude from %2 to %3, latitude from %4 to %5")
                            .arg(value("center"))
                            .arg(ViewLimits::kMinLongitude).arg(ViewLimits::kMaxLongitude)
                            .arg(ViewLimits::kMinLatitude).arg(ViewLimits::kMaxLatitude));
        view.centre = *c;
    }
    if (isSet("scale")) {
        const auto denominator = parseScale(value("scale"), dpi);
        if (!denominator)
            return fail(ExportCommand::tr("--scale \"%1\" is not a scale denominator from %2 to %3 (at %4 DPI)")
                            .arg(value("scale"), QString::number(std::ceil(minScale(dpi)), 'f', 0),
                                 QString::number(std::floor(maxScale(dpi)), 'f', 0))
                            .arg(dpi));
        view.metresPerPixel = *denominator * kMetresPerInch / dpi;
    }
    if (isSet("year")) {
        const auto y = parseInt(value("year"), YearRange::facts().first, YearRange::facts().last);
        if (!y)
            return fail(ExportCommand::tr("--year \"%1\" is not a year from %2 to %3")
                            .arg(value("year"))
                            .arg(YearRange::facts().first)
                            .arg(YearRange::facts().last));
        view.year = *y;
    }
    if (isSet("select"))
        view.selectedRegion = value("select").toUpper();
    return std::nullopt;
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

ParsedExport parseExportCommand(const QStringList &arguments) { return ExportCommandParser().parse(arguments); }

} // namespace spheres
