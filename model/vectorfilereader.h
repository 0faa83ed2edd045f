#pragma once

#include "geojsonreader.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>

namespace spheres {

/// How much of a user's file VectorFileReader reads at most. The defaults are GeoJsonReader's
/// limits on user layers; tests lower them.
struct UserLayerLimits
{
    qint64 maxFileBytes = GeoJsonReader::kMaxFileBytes;
    qint64 maxFeatures = GeoJsonReader::kMaxFeatures;
    qint64 maxCoordinates = GeoJsonReader::kMaxCoordinates;
};

/// Reads a user's vector file through GDAL/OGR: GeoPackage, Shapefile, KML, FlatGeobuf,
/// GeoJSONSeq and CSV with longitude/latitude columns. Points, lines and polygons (multi too,
/// curves stroked) become a LayerKind::Generic layer, reprojected from the file's coordinate
/// reference system to WGS84 longitude/latitude; a file without one is taken as longitude/latitude.
/// Plain GeoJSON (.geojson, .json) goes to the strict GeoJsonReader. Files are held to the same
/// limits as GeoJSON user layers, and GDAL's own errors never reach stderr: they become messages
/// naming the file, the layer and the feature.
class VectorFileReader
{
    Q_DECLARE_TR_FUNCTIONS(VectorFileReader)

public:
    using Result = GeoJsonReader::Result;

    using Limits = UserLayerLimits;

    struct Contents
    {
        QStringList layers; ///< the names of the file's layers, in the file's order
        QString error;      ///< "<file>: …"; empty on success
        bool ok() const { return error.isEmpty(); }
    };

    /// The layers a file holds: several for a GeoPackage with several tables, one otherwise.
    static Contents listLayers(const QString &path);

    /// Told, every thousand features or so, how many are read and how many the file announces
    /// (0 when it does not say); returns false to stop the reading. Called on the reading thread.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    /// Reads the layer `layerName` of the file (its first layer when empty). The layer's id is
    /// the file's base name, with "-<layer>" after it when the file holds several layers.
    /// `progress` may stop it: the result is then an error and holds no layer. (GeoJSON is read
    /// at once by its own reader: it tells no progress.)
    static Result readFile(const QString &path, const QString &layerName = {}, const Limits &limits = {},
                           const Progress &progress = {});

    /// Every layer of the file, each its own result (a file that cannot be opened: one failed result).
    static QList<Result> readAllLayers(const QString &path);

    /// Whether `path` goes to GeoJsonReader (by its suffix).
    static bool isGeoJson(const QString &path);
    /// File name patterns of the formats read, for a file dialog: "*.gpkg", "*.shp", …
    static QStringList fileNamePatterns();
};

} // namespace spheres
