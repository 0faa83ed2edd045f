#pragma once

#include <QPointF>
#include <QString>

#include <memory>
#include <optional>

namespace spheres {

/// How a projection treats the meridian opposite its centre. Cylindrical and conic maps are
/// cut there (their left and right edges); azimuthal maps have no such seam.
enum class ProjectionShape { Azimuthal, Cylindrical, Conic };

/// A map projection from Boost.Geometry's `srs` (PROJ-style parameters), kept behind a pimpl
/// because the Boost header costs ~25 s to compile. Coordinates: lon/lat in degrees in,
/// projected metres out (x east, y north).
class Projection
{
public:
    /// Throws nothing: an invalid definition gives an invalid projection (see isValid()).
    Projection(QString id, QString title, QString proj4, double centralMeridian, ProjectionShape shape,
               double centralLatitude = 0.0);
    ~Projection();
    Projection(const Projection &other);
    Projection &operator=(const Projection &other);
    Projection(Projection &&) noexcept;
    Projection &operator=(Projection &&) noexcept;

    bool isValid() const;
    const QString &id() const { return m_id; }
    const QString &title() const { return m_title; }
    const QString &definition() const { return m_proj4; }
    double centralMeridian() const { return m_centralMeridian; }
    double centralLatitude() const { return m_centralLatitude; }
    /// Azimuthal projections show the sphere only up to this angular distance from their centre:
    /// beyond it shapes are too distorted to read, and near the antipode they tear.
    static constexpr double kAzimuthalHorizonDegrees = 115.0;
    /// Radius in metres of the azimuthal horizon disc; 0 for other projections.
    double horizonRadius() const;
    /// Conic maps run to infinity towards the pole opposite their cone's apex: a shape reaching
    /// it would be cut short and its ring drawn as a chord across the map, so they show the
    /// sphere only north of this latitude (our cones open on the northern hemisphere).
    static constexpr double kConicSouthernLimitDegrees = -50.0;
    /// The southernmost latitude shown: -90 except for conic maps.
    double southernLimit() const { return m_shape == ProjectionShape::Conic ? kConicSouthernLimitDegrees : -90.0; }
    ProjectionShape shape() const { return m_shape; }
    bool hasSeam() const { return m_shape != ProjectionShape::Azimuthal; }

    /// lon/lat (degrees) → metres; nullopt where the projection cannot show the point.
    std::optional<QPointF> forward(QPointF lonLat) const;
    /// metres → lon/lat (degrees); nullopt outside the projection's domain.
    std::optional<QPointF> inverse(QPointF xy) const;

private:
    struct Impl;
    QString m_id, m_title, m_proj4;
    double m_centralMeridian = 0;
    double m_centralLatitude = 0;
    ProjectionShape m_shape = ProjectionShape::Azimuthal;
    std::unique_ptr<Impl> m_impl;
};

} // namespace spheres
