#include "mappicture.h"

#include "pixelratio.h"

namespace spheres {

MapPicture::MapPicture(QObject *parent) : QObject(parent)
{
    connect(&m_frames, &FrameCache::frameLanded, this, &MapPicture::frameLanded);
}

void MapPicture::paint(QPainter &painter, const MapRenderer &renderer, const Scene &scene, const ViewState &view, bool panning)
{
    const qreal dpr = pixelRatio(painter);
    const bool groundHeld = !m_ground.groundOf(renderer, scene, view, dpr).isNull();
    if (panning) {
        m_frames.paintPanned(painter, renderer, scene, view);
    } else if (m_frames.isRendering() && !groundHeld) {
        // The pan's last frame still renders: what it holds is shown moved until it lands.
        m_frames.paintHeld(painter, renderer, scene, view);
    } else {
        if (!m_frames.isRendering()) {
            if (!groundHeld) // a pan's last frame is the still picture's ground: cut, not rendered again
                m_ground.adopt(m_frames.groundFor(renderer, scene, view, dpr), renderer, scene, view);
            m_frames.clear();
        }
        m_ground.paint(painter, renderer, scene, view); // a blit when held: no ground drawn here
    }
}

void MapPicture::pressed(const MapRenderer &renderer, const Scene &scene, const ViewState &view, qreal pixelRatio)
{
    m_frames.prepare(m_ground.groundOf(renderer, scene, view, pixelRatio), renderer, scene, view, pixelRatio);
}

void MapPicture::panStarts(const MapRenderer &renderer, const Scene &scene, const ViewState &view, qreal pixelRatio)
{
    m_frames.startFrom(m_ground.groundOf(renderer, scene, view, pixelRatio), renderer, scene, view);
}

} // namespace spheres
