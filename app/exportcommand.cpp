#include "exportcommand.h"

#include "atlas.h"
#include "exporter.h"
#include "geojsonreader.h"
#include "maprenderer.h"
#include "projectioncatalog.h"
#include "scene.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QTextStream>

#include <memory>
#include <optional>

namespace spheres {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("ExportCommand", text); }

constexpr double kMetresPerInch = 0.0254;
constexpr double kScreenDpi = 96.0;

int fail(const QString &message)
{
    QTextStream(stderr) << "spheres export: " << message << Qt::endl;
    return 2;
}

std::optional<QSize> parseSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,6})[xX×](\\d{1,6})$"));
    const auto m = pattern.match(text.trimmed());
    if (!m.hasMatch())
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
    if (!okLon || !okLat || lon < -180 || lon > 180 || lat < -90 || lat > 90)
        return std::nullopt;
    return QPointF(lon, lat);
}

/// "25000000", "25M", "1:25M" → 25 000 000.
std::optional<double> parseScale(QString text)
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
    if (!ok || value < 1e3 || value > 1e10)
        return std::nullopt;
    return value;
}

} // namespace

int runExportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Export the map as a PNG image without opening a window."));
    parser.addHelpOption();
    const QCommandLineOption out(QStringLiteral("out"), tr("Output file (.png)."), tr("file"));
    const QCommandLineOption size(QStringLiteral("size"), tr("Picture size in pixels."), tr("WxH"),
                                  QStringLiteral("1920x1080"));
    const QCommandLineOption projection(QStringLiteral("projection"),
                                        tr("Projection: %1.").arg(ProjectionCatalog::ids().join(QStringLiteral(", "))),
                                        tr("id"), ProjectionCatalog::defaultPreset().projection.id());
    const QCommandLineOption center(QStringLiteral("center"), tr("Centre of the picture."), tr("lon,lat"));
    const QCommandLineOption scale(QStringLiteral("scale"), tr("Map scale denominator at 96 DPI, e.g. 25M."),
                                   tr("N"));
    const QCommandLineOption select(QStringLiteral("select"), tr("Region to highlight (ISO3 code)."), tr("code"));
    parser.addOptions({out, size, projection, center, scale, select});
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(tr("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    if (!parser.isSet(out))
        return fail(tr("--out is required"));
    const QString outPath = parser.value(out);
    if (!outPath.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive))
        return fail(tr("--out \"%1\": only .png is supported").arg(outPath));
    const auto pictureSize = parseSize(parser.value(size));
    if (!pictureSize || pictureSize->isEmpty())
        return fail(tr("--size \"%1\" is not a size like 1920x1080").arg(parser.value(size)));
    const ProjectionPreset *preset = ProjectionCatalog::find(parser.value(projection));
    if (!preset)
        return fail(tr("--projection \"%1\" is unknown; choose one of: %2")
                        .arg(parser.value(projection), ProjectionCatalog::ids().join(QStringLiteral(", "))));

    ViewState view = framedView(preset->projection, preset->homeExtent, *pictureSize);
    if (parser.isSet(center)) {
        const auto c = parseLonLat(parser.value(center));
        if (!c)
            return fail(tr("--center \"%1\" is not longitude,latitude in degrees").arg(parser.value(center)));
        view.centre = *c;
    }
    if (parser.isSet(scale)) {
        const auto denominator = parseScale(parser.value(scale));
        if (!denominator)
            return fail(tr("--scale \"%1\" is not a scale denominator between 1000 and 1e10").arg(parser.value(scale)));
        view.metresPerPixel = *denominator * kMetresPerInch / kScreenDpi;
    }
    view.selectedRegion = parser.value(select).toUpper();
    if (const QString problem = Exporter::checkSize(view); !problem.isEmpty())
        return fail(tr("--size: %1").arg(problem));

    Atlas::Result coarse = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    if (!coarse.ok())
        return fail(coarse.error);
    if (!view.selectedRegion.isEmpty() && !coarse.atlas.region(view.selectedRegion))
        return fail(tr("--select \"%1\" is not a region code").arg(view.selectedRegion));
    Scene scene(std::make_shared<Atlas>(std::move(coarse.atlas)), preset->projection);
    QStringList layerErrors;
    scene.setLayers(GeoJsonReader::readAllBuiltIn(layerErrors));
    if (!layerErrors.isEmpty())
        return fail(layerErrors.join(u'\n'));
    if (view.metresPerPixel < Scene::kFineDetailBelow) {
        Atlas::Result fine = Atlas::loadBuiltIn(Atlas::Detail::Fine);
        if (!fine.ok())
            return fail(fine.error);
        scene.setFine(std::make_shared<SceneLevel>(std::make_shared<Atlas>(std::move(fine.atlas)), preset->projection));
    }
    const Exporter::Result result = Exporter::exportPng(MapRenderer(), scene, view, outPath);
    if (!result.ok())
        return fail(result.error);
    return 0;
}

} // namespace spheres
