#include "projection.h"

#include <boost/geometry/core/cs.hpp>
#include <boost/geometry/geometries/point.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/srs/projection.hpp>

#include <cmath>

namespace spheres {

namespace bg = boost::geometry;
using GeoPoint = bg::model::point<double, 2, bg::cs::geographic<bg::degree>>;
using XyPoint = bg::model::d2::point_xy<double>;

struct Projection::Impl
{
    explicit Impl(const std::string &definition) : projection(bg::srs::proj4(definition)) {}
    bg::srs::projection<> projection;
};

Projection::Projection(QString id, QString title, QString proj4, double centralMeridian, ProjectionShape shape,
                       double centralLatitude)
    : m_id(std::move(id)), m_title(std::move(title)), m_proj4(std::move(proj4)),
      m_centralMeridian(centralMeridian), m_centralLatitude(centralLatitude), m_shape(shape)
{
    try {
        m_impl = std::make_unique<Impl>(m_proj4.toStdString());
    } catch (const std::exception &) {
        m_impl.reset();
    }
}

Projection::~Projection() = default;
Projection::Projection(Projection &&) noexcept = default;
Projection &Projection::operator=(Projection &&) noexcept = default;

Projection::Projection(const Projection &other)
    : Projection(other.m_id, other.m_title, other.m_proj4, other.m_centralMeridian, other.m_shape,
                 other.m_centralLatitude)
{
}

Projection &Projection::operator=(const Projection &other)
{
    if (this != &other)
        *this = Projection(other);
    return *this;
}

bool Projection::isValid() const { return m_impl != nullptr; }

double Projection::horizonRadius() const
{
    if (m_shape != ProjectionShape::Azimuthal)
        return 0.0;
    // Walk kAzimuthalHorizonDegrees along the central meridian (over the nearer pole).
    const double southward = m_centralLatitude - kAzimuthalHorizonDegrees;
    const QPointF edge = southward >= -90.0 ? QPointF(m_centralMeridian, southward)
                                            : QPointF(m_centralMeridian + 180.0, 180.0 - m_centralLatitude - kAzimuthalHorizonDegrees);
    const auto xy = forward(edge);
    return xy ? std::hypot(xy->x(), xy->y()) : 0.0;
}

std::optional<QPointF> Projection::forward(QPointF lonLat) const
{
    if (!m_impl)
        return std::nullopt;
    try {
        XyPoint xy;
        m_impl->projection.forward(GeoPoint(lonLat.x(), lonLat.y()), xy);
        if (!std::isfinite(xy.x()) || !std::isfinite(xy.y()) || std::abs(xy.x()) > 1e8 || std::abs(xy.y()) > 1e8)
            return std::nullopt;
        return QPointF(xy.x(), xy.y());
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

std::optional<QPointF> Projection::inverse(QPointF xy) const
{
    if (!m_impl)
        return std::nullopt;
    try {
        GeoPoint ll;
        m_impl->projection.inverse(XyPoint(xy.x(), xy.y()), ll);
        const double lon = bg::get<0>(ll), lat = bg::get<1>(ll);
        if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lat) > 90.0 + 1e-9)
            return std::nullopt;
        return QPointF(lon, lat);
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

} // namespace spheres
