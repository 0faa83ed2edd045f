#pragma once

#include <QImage>
#include <QString>

namespace spheres {

class MapRenderer;
class Scene;
struct ViewState;

/// Renders a view into a file through the same MapRenderer as the window.
class Exporter
{
public:
    enum class Format { Png };
    struct Result
    {
        QString error; ///< empty on success
        bool ok() const { return error.isEmpty(); }
    };

    /// Qt's raster engine cannot paint beyond 32767 pixels a side.
    static constexpr int kMaxPixels = 32767;

    static QImage renderImage(const MapRenderer &renderer, const Scene &scene, const ViewState &view);
    static Result exportPng(const MapRenderer &renderer, const Scene &scene, const ViewState &view, const QString &path);
    /// Empty when `view.size` can be rendered; a message otherwise.
    static QString checkSize(const ViewState &view);
};

} // namespace spheres
