#pragma once

#include "layer.h"

#include <QCoreApplication>
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace spheres {

/// Reads a thematic layer from GeoJSON (RFC 7946): a FeatureCollection or a single Feature with
/// Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection or
/// null geometry. Lines that cross ±180° are split there,
/// polygons are cut there. Our own layers carry a foreign member "spheres" {id, kind, title,
/// description, asOf, legend}; files without it load as LayerKind::Generic named after the file.
/// What is present is validated strictly; errors name the file and the place that is wrong.
class GeoJsonReader
{
    Q_DECLARE_TR_FUNCTIONS(GeoJsonReader)

public:
    struct Result
    {
        Layer layer;
        QString error;        ///< "<file>: features[3] (id): …"; empty on success
        QStringList warnings; ///< geometry that was left out or repaired, ids made unique
        bool ok() const { return error.isEmpty(); }
    };

    /// Limits on every user layer, whatever its format (VectorFileReader keeps them too).
    static constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;
    static constexpr qint64 kMaxFeatures = 1'000'000;
    static constexpr qint64 kMaxCoordinates = 5'000'000;

    /// `sourceName` is used in messages and, for files without "spheres", as the layer's name.
    static Result read(const QByteArray &data, const QString &sourceName);
    static Result readFile(const QString &path);

    /// Reads the layer ":/layers/<id>.geojson" compiled into the program.
    static Result readBuiltIn(const QString &id);
    /// The built-in layers in drawing order, bottom to top: {"sco", "contested", "pipelines", "sites"}.
    static QStringList builtInIds();
    /// Membership layers that ship but are off the default map (the CSTO, EAEU, CIS and BRICS):
    /// added from File > Add built-in layer, so that the default map and saved briefs keep the
    /// SCO as their only choropleth.
    static QStringList optionalIds();
    /// Every built-in layer, bottom to top; layers that fail to load are left out and their
    /// errors appended to `errors`.
    static QList<std::shared_ptr<const Layer>> readAllBuiltIn(QStringList &errors);
};

} // namespace spheres
