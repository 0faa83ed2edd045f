#pragma once
// Internal to VectorFileReader: GDAL's headers stay out of every other target.

#include "featuregeometry.h"
#include "vectorfilereader.h"

#include <QCoreApplication>

#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <vector>

namespace spheres {

/// Reads one OGR layer into a Layer: geometry in lon/lat, attributes as properties.
class LayerConverter
{
    Q_DECLARE_TR_FUNCTIONS(VectorFileReader) // its messages are the reader's

public:
    /// `lonLatColumns`: a CSV, whose coordinates come from columns named longitude and latitude.
    /// `progress` (may be empty) is told how far the reading is, and may stop it.
    LayerConverter(const QString &path, OGRLayer &layer, const VectorFileReader::Limits &limits, bool lonLatColumns,
                   const VectorFileReader::Progress &progress)
        : m_path(path), m_layer(layer), m_limits(limits), m_layerName(QString::fromUtf8(layer.GetName())),
          m_lonLatColumns(lonLatColumns), m_progress(progress)
    {}

    /// False on an error (in `error`), or when `progress` stopped the reading (`error` says so).
    bool read(Layer &out, QStringList &warnings, QString &error);

private:
    /// A field's name and what it means to a feature, looked up once per layer, not per feature.
    struct Field
    {
        enum Role { Property, Name, Description, Note, Id };
        QString key;
        Role role = Property;
    };

    QString where() const;
    QString featurePlace(qint64 index, const QString &id) const;
    bool prepareTransform(QStringList &warnings, QString &error);
    void prepareFields();
    void readAttributes(OGRFeature &source, Feature &feature) const;
    bool collect(const OGRGeometry &geometry, int depth, RawGeometry &out);
    bool positions(const OGRSimpleCurve &curve, std::vector<Point> &out);
    bool ring(const OGRLinearRing *ring, RawGeometry::Ring &out);
    void finishBatch(Layer &out, UniqueFeatureIds &ids, QStringList &warnings);

    const QString m_path;
    OGRLayer &m_layer;
    const VectorFileReader::Limits &m_limits;
    const QString m_layerName;
    const bool m_lonLatColumns;
    const VectorFileReader::Progress &m_progress;
    std::vector<Field> m_fields;
    std::unique_ptr<OGRCoordinateTransformation> m_toLonLat; ///< null: the file is in lon/lat
    qint64 m_coordinates = 0;
    QString m_geometryError; ///< why collect() failed, without the place
    int m_degenerateRings = 0;
    std::vector<double> m_x, m_y;
    /// The last features read, at the end of the layer's list, whose outlines are still to be checked.
    struct Place
    {
        qint64 index;
        QString fileId;
    };
    std::vector<RawGeometry> m_batchRaw;
    std::vector<Place> m_batchPlaces;
};

} // namespace spheres
