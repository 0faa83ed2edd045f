#include "presentationview.h"

#include "map/mapcanvas.h"

#include <QCloseEvent>
#include <QGuiApplication>
#include <QScreen>
#include <QVBoxLayout>

namespace spheres {

PresentationView::PresentationView(QWidget *parent) : QWidget(parent, Qt::Window)
{
    setWindowTitle(tr("Spheres — presenting"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
}

void PresentationView::present(MapCanvas *canvas, QScreen *screen)
{
    m_canvas = canvas;
    layout()->addWidget(canvas);
    canvas->show();
    if (screen) {
        setScreen(screen);
        setGeometry(screen->geometry());
    }
    showFullScreen();
    raise();
    activateWindow();
}

MapCanvas *PresentationView::release()
{
    MapCanvas *canvas = m_canvas;
    m_canvas = nullptr;
    if (canvas)
        layout()->removeWidget(canvas);
    hide();
    return canvas;
}

QScreen *PresentationView::screenFor(const QWidget *editor)
{
    QScreen *editorScreen = editor ? editor->screen() : QGuiApplication::primaryScreen();
    for (QScreen *screen : QGuiApplication::screens())
        if (screen != editorScreen)
            return screen;
    return editorScreen;
}

void PresentationView::closeEvent(QCloseEvent *event)
{
    if (m_canvas) {
        event->ignore(); // the canvas goes back to the editor first; PresentationMode hides this window
        emit closed();
        return;
    }
    QWidget::closeEvent(event);
}

} // namespace spheres
