// The reference for `spheres export`'s speed (issue 16): the least a Qt program must do to turn
// the same base map into a 1080p PNG. It parses the TopoJSON with QJsonDocument, decodes the
// arcs, projects them equirectangularly, fills and strokes every country with QPainter into a
// QImage and writes it as a PNG with Qt's default compression. No checks, no labels, no layers:
// a floor, not a rival.
//
// minimal_export TOPOJSON OUT.png
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QPainter>
#include <QPainterPath>

#include <vector>

namespace {

using Arc = std::vector<QPointF>;

std::vector<Arc> decodeArcs(const QJsonObject &topology)
{
    const QJsonArray scale = topology.value(QLatin1String("transform")).toObject().value(QLatin1String("scale")).toArray();
    const QJsonArray translate = topology.value(QLatin1String("transform")).toObject().value(QLatin1String("translate")).toArray();
    const bool quantized = scale.size() == 2;
    std::vector<Arc> arcs;
    for (const QJsonValue &arcValue : topology.value(QLatin1String("arcs")).toArray()) {
        Arc arc;
        double x = 0, y = 0;
        for (const QJsonValue &p : arcValue.toArray()) {
            const QJsonArray xy = p.toArray();
            if (quantized) {
                x += xy.at(0).toDouble();
                y += xy.at(1).toDouble();
                arc.emplace_back(x * scale.at(0).toDouble() + translate.at(0).toDouble(),
                                 y * scale.at(1).toDouble() + translate.at(1).toDouble());
            } else {
                arc.emplace_back(xy.at(0).toDouble(), xy.at(1).toDouble());
            }
        }
        arcs.push_back(std::move(arc));
    }
    return arcs;
}

void addRing(QPainterPath &path, const QJsonArray &ring, const std::vector<Arc> &arcs, QSize size)
{
    QPolygonF polygon;
    for (const QJsonValue &index : ring) {
        const int i = index.toInt();
        const Arc &arc = arcs[size_t(i >= 0 ? i : ~i)];
        const auto add = [&](const QPointF &lonLat) {
            polygon << QPointF((lonLat.x() + 180) / 360 * size.width(), (90 - lonLat.y()) / 180 * size.height());
        };
        if (i >= 0)
            for (const QPointF &p : arc)
                add(p);
        else
            for (auto it = arc.rbegin(); it != arc.rend(); ++it)
                add(*it);
    }
    path.addPolygon(polygon);
    path.closeSubpath();
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    if (argc != 3)
        return 2;
    QFile file(QString::fromLocal8Bit(argv[1]));
    if (!file.open(QIODevice::ReadOnly))
        return 1;
    const QJsonObject topology = QJsonDocument::fromJson(file.readAll()).object();
    const std::vector<Arc> arcs = decodeArcs(topology);
    const QSize size(1920, 1080);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(QColor(0xd6, 0xe6, 0xf0));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::white, 0.6));
    painter.setBrush(QColor(0xee, 0xea, 0xe0));
    const QJsonArray geometries =
        topology.value(QLatin1String("objects")).toObject().value(QLatin1String("countries")).toObject().value(QLatin1String("geometries")).toArray();
    for (const QJsonValue &g : geometries) {
        const QJsonObject geometry = g.toObject();
        QPainterPath path;
        const QJsonArray parts = geometry.value(QLatin1String("arcs")).toArray();
        if (geometry.value(QLatin1String("type")).toString() == QLatin1String("Polygon"))
            for (const QJsonValue &ring : parts)
                addRing(path, ring.toArray(), arcs, size);
        else
            for (const QJsonValue &polygon : parts)
                for (const QJsonValue &ring : polygon.toArray())
                    addRing(path, ring.toArray(), arcs, size);
        painter.drawPath(path);
    }
    painter.end();
    return image.save(QString::fromLocal8Bit(argv[2]), "PNG") ? 0 : 1;
}
