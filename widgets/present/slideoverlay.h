#pragma once

#include <QColor>
#include <QList>
#include <QRectF>
#include <QSize>
#include <QString>

#include <utility>

class QPainter;

namespace spheres {

/// What presentation mode shows over the map, in large type (screen only, never exported).
struct PresentationOverlay
{
    bool active = false;
    QString title;
    QString caption;
    QString counter;                          ///< "3 / 6"
    QList<std::pair<QString, QString>> claims; ///< (stance label, sentence) of the clicked region
    QColor blank;                             ///< black or white to blank the screen; invalid: show the map
};

/// Paints a slide's furniture over the map: the title and caption panel and the slide counter,
/// in type sized to the screen's height so that they read from the back of a room at 1080p and
/// at 4K alike, or the blank screen. The clicked region's claims are a card of their own.
class SlideOverlay
{
public:
    /// Where the title and caption panel goes on a screen of `size` (what must stay clear of it).
    static QRectF titlePanel(const PresentationOverlay &overlay, QSize size);
    static void paint(QPainter &painter, const PresentationOverlay &overlay, QSize size);
};

} // namespace spheres
