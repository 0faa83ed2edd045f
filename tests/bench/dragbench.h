#pragma once

#include <QString>

namespace spheres {
class MapRenderer;
class Scene;
struct ViewState;
} // namespace spheres

namespace bench {

/// A long drag through the window's frame cache (FrameCache), paced as a mouse delivers it: a
/// 10 px step every 16 ms, back and forth about `home`, `totalPixels` in all. Prints what the
/// user feels: the GUI thread's time per frame, the frame with its margin rendered in the
/// background, how many whole frames the GUI thread rendered, and how long the frame's edge
/// stayed in sight (blank, in the background colour) before the next frame landed.
void dragFigures(const QString &what, const spheres::MapRenderer &renderer, const spheres::Scene &scene,
                 const spheres::ViewState &home, int totalPixels);

} // namespace bench
