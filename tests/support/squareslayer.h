#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace spheres::test {

/// A user's GeoJSON layer of two squares with a text field "kind" and a number "pop".
inline QByteArray squaresGeoJson()
{
    return R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":"a","properties":{"name":"A","kind":"farm","pop":10},
       "geometry":{"type":"Polygon","coordinates":[[[60,40],[62,40],[62,42],[60,42],[60,40]]]}},
      {"type":"Feature","id":"b","properties":{"name":"B","kind":"mine","pop":90},
       "geometry":{"type":"Polygon","coordinates":[[[70,40],[72,40],[72,42],[70,42],[70,40]]]}}]})";
}

/// Writes `data` to `path`, making its folder; false when it cannot.
inline bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace spheres::test
