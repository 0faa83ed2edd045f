#include "presentationmode.h"

#include "document/briefcontroller.h"
#include "document/briefdocument.h"
#include "map/mapcanvas.h"
#include "panels/stancestyle.h"
#include "presentationview.h"

#include <QApplication>
#include <QTimer>
#include <QKeyEvent>
#include <QLabel>
#include <QMainWindow>
#include <QScreen>

namespace spheres {

PresentationMode::PresentationMode(QMainWindow *window, MapCanvas *canvas, BriefDocument *document,
                                   BriefController *briefs, ViewApplier applyView, QObject *parent)
    : QObject(parent), m_window(window), m_canvas(canvas), m_document(document), m_briefs(briefs),
      m_applyView(std::move(applyView))
{
    connect(m_canvas, &MapCanvas::selectionChanged, this, [this](const QString &code) {
        if (m_active)
            showRegionClaims(code);
    });
}

void PresentationMode::enter(int startIndex)
{
    if (m_active)
        return;
    m_active = true;
    // The canvas moves to the presentation's own window; the editor keeps its docks and layout,
    // and says where the map went.
    QScreen *screen = PresentationView::screenFor(m_window);
    m_editorState = m_window->saveState();
    m_window->takeCentralWidget();
    auto *away = new QLabel(tr("Presenting on %1.\nEsc or F5 in the presentation ends it.").arg(screen ? screen->name() : QString()));
    away->setTextFormat(Qt::PlainText);
    away->setAlignment(Qt::AlignCenter);
    m_window->setCentralWidget(away);
    if (!m_view) {
        m_view = new PresentationView(m_window);
        connect(m_view, &PresentationView::closed, this, &PresentationMode::leave);
    }
    m_view->present(m_canvas, screen);
    // Read from the back of a room: half as large again as on the desk, growing with the screen.
    const double screenHeight = screen ? screen->geometry().height() : 1080.0;
    m_canvas->setStyleScale(1.5 * std::max(1.0, screenHeight / 1080.0));
    qApp->installEventFilter(this);
    m_canvas->setFocus();
    emit activeChanged(true);
    m_index = -1;
    go(std::clamp(startIndex, 0, std::max(0, int(m_document->brief().views.size()) - 1)));
}

void PresentationMode::leave()
{
    if (!m_active)
        return;
    m_active = false;
    qApp->removeEventFilter(this);
    m_canvas->setOverlay({});
    m_canvas->setHighlight({}, {});
    m_canvas->setStyleScale(1.0);
    m_window->setCentralWidget(m_view->release()); // the placeholder goes
    // Without the map the docks took its room: once the editor is laid out again (a turn of
    // the event loop), they get their widths back and the map the rest.
    QTimer::singleShot(0, m_window, [window = m_window, state = m_editorState] { window->restoreState(state); });
    m_canvas->setFocus();
    m_window->activateWindow();
    emit activeChanged(false);
}

void PresentationMode::go(int index)
{
    const int count = int(m_document->brief().views.size());
    if (count == 0) {
        m_index = 0;
        refreshOverlay();
        return;
    }
    index = std::clamp(index, 0, count - 1);
    if (index == m_index)
        return;
    m_index = index;
    m_blank = QColor();
    m_claims.clear();
    m_applyView(index);
    refreshOverlay();
}

void PresentationMode::refreshOverlay()
{
    PresentationOverlay overlay;
    overlay.active = true;
    overlay.blank = m_blank;
    overlay.claims = m_claims;
    const auto &views = m_document->brief().views;
    if (m_index >= 0 && m_index < views.size()) {
        overlay.title = views[m_index].name;
        overlay.caption = views[m_index].caption;
        overlay.counter = QStringLiteral("%1 / %2").arg(m_index + 1).arg(views.size());
    } else {
        overlay.title = m_document->brief().title;
    }
    m_canvas->setOverlay(overlay);
}

void PresentationMode::showRegionClaims(const QString &code)
{
    m_claims.clear();
    if (!code.isEmpty()) {
        for (const Claim *c : m_briefs->claimsAboutRegion(code))
            m_claims.push_back({StanceStyle::symbol(c->stance) + u' ' + stanceLabel(c->stance), c->text});
        m_canvas->setHighlight({code}, {}); // spotlight: everything else recedes
    } else {
        m_canvas->setHighlight({}, {});
    }
    refreshOverlay();
}

void PresentationMode::toggleBlank(const QColor &colour)
{
    m_blank = m_blank == colour ? QColor() : colour;
    refreshOverlay();
}

bool PresentationMode::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_active || event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    switch (static_cast<QKeyEvent *>(event)->key()) {
    case Qt::Key_Right:
    case Qt::Key_PageDown:
    case Qt::Key_Space:
    case Qt::Key_Down: next(); return true;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
    case Qt::Key_Backspace:
    case Qt::Key_Up: previous(); return true;
    case Qt::Key_Home: go(0); return true;
    case Qt::Key_End: go(int(m_document->brief().views.size()) - 1); return true;
    case Qt::Key_B:
    case Qt::Key_Period: toggleBlank(Qt::black); return true;
    case Qt::Key_W:
    case Qt::Key_Comma: toggleBlank(Qt::white); return true;
    case Qt::Key_Escape:
    case Qt::Key_F5: leave(); return true;
    default: return QObject::eventFilter(watched, event);
    }
}

} // namespace spheres
