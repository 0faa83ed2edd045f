#include "vectorfilereader.h"

#include "vectorformatmodule.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace spheres {

namespace {

QString num(qint64 n) { return QString::number(n); }

bool hasSuffix(const QString &path, std::initializer_list<const char *> suffixes)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (const char *s : suffixes)
        if (suffix == QLatin1String(s))
            return true;
    return false;
}

/// The bytes GDAL will read: a Shapefile's attributes live in its .dbf beside it.
qint64 fileBytes(const QFileInfo &info)
{
    qint64 bytes = info.size();
    if (info.suffix().toLower() == u"shp")
        for (const char *sidecar : {"dbf", "DBF"})
            if (const QFileInfo dbf(info.dir().filePath(info.completeBaseName() + u'.' + QLatin1String(sidecar)));
                dbf.exists()) {
                bytes += dbf.size();
                break;
            }
    return bytes;
}

/// The GDAL module's reader, when `path` is a file it may be given; else null and why not. The
/// checks that need no GDAL come first, so that a missing file does not load it.
const VectorFormatReader *gdalReaderFor(const QString &path, qint64 maxBytes, QString &error)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile()) {
        error = VectorFileReader::tr("%1: no such file").arg(path);
        return nullptr;
    }
    if (fileBytes(info) > maxBytes) {
        error = VectorFileReader::tr("%1: the file is larger than %2 MiB").arg(path, num(maxBytes / (1024 * 1024)));
        return nullptr;
    }
    if (info.size() == 0) {
        error = VectorFileReader::tr("%1: the file is empty").arg(path);
        return nullptr;
    }
    const VectorFormatModule::Loaded &module = VectorFormatModule::instance();
    if (!module.reader)
        error = VectorFileReader::tr("%1: cannot be read: %2").arg(path, module.error);
    return module.reader;
}

} // namespace

VectorFileReader::Contents VectorFileReader::listLayers(const QString &path)
{
    Contents contents;
    if (isGeoJson(path)) {
        contents.layers << QFileInfo(path).completeBaseName();
        return contents;
    }
    if (const VectorFormatReader *reader = gdalReaderFor(path, GeoJsonReader::kMaxFileBytes, contents.error))
        contents = reader->listLayers(path);
    return contents;
}

VectorFileReader::Result VectorFileReader::readFile(const QString &path, const QString &layerName, const Limits &limits,
                                                   const Progress &progress)
{
    if (isGeoJson(path))
        return GeoJsonReader::readFile(path);
    Result result;
    if (const VectorFormatReader *reader = gdalReaderFor(path, limits.maxFileBytes, result.error))
        result = reader->readFile(path, layerName, limits, progress);
    return result;
}

QList<VectorFileReader::Result> VectorFileReader::readAllLayers(const QString &path)
{
    const Contents contents = listLayers(path);
    if (!contents.ok()) {
        Result failed;
        failed.error = contents.error;
        return {failed};
    }
    QList<Result> results;
    for (const QString &name : contents.layers)
        results << readFile(path, contents.layers.size() > 1 ? name : QString());
    return results;
}

bool VectorFileReader::isGeoJson(const QString &path) { return hasSuffix(path, {"geojson", "json"}); }

QStringList VectorFileReader::fileNamePatterns()
{
    return {QStringLiteral("*.gpkg"),       QStringLiteral("*.shp"),  QStringLiteral("*.kml"),
            QStringLiteral("*.fgb"),        QStringLiteral("*.geojson"), QStringLiteral("*.json"),
            QStringLiteral("*.geojsonl"),   QStringLiteral("*.geojsons"), QStringLiteral("*.csv")};
}

} // namespace spheres
