#pragma once

#include <QColor>
#include <QObject>

#include <functional>

class QMainWindow;

namespace spheres {

class BriefController;
class BriefDocument;
class MapCanvas;
class PresentationView;

/// Full-screen presenting, in a window of its own (PresentationView, on a second screen when
/// there is one): the map, the view's title and caption in large type, the legend, nothing
/// else. →, PageDown and Space go to the next view (what clickers send), ←/PageUp back,
/// Home/End to the ends, B and W blank the screen, Esc leaves. A click on a region shows
/// its claims in large type and spotlights it.
class PresentationMode : public QObject
{
    Q_OBJECT
public:
    using ViewApplier = std::function<void(int index)>;
    PresentationMode(QMainWindow *window, MapCanvas *canvas, BriefDocument *document, BriefController *briefs,
                     ViewApplier applyView, QObject *parent = nullptr);

    bool isActive() const { return m_active; }
    int currentView() const { return m_index; }

public slots:
    void enter(int startIndex = 0);
    void leave();
    void go(int index);
    void next() { go(m_index + 1); }
    void previous() { go(m_index - 1); }

signals:
    void activeChanged(bool active);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showRegionClaims(const QString &code);
    void refreshOverlay();
    void toggleBlank(const QColor &colour);

    QMainWindow *m_window;
    MapCanvas *m_canvas;
    BriefDocument *m_document;
    BriefController *m_briefs;
    ViewApplier m_applyView;
    bool m_active = false;
    int m_index = 0;
    PresentationView *m_view = nullptr; ///< the presenter's window, made on first use
    QByteArray m_editorState;
    QColor m_blank;
    QList<std::pair<QString, QString>> m_claims;
};

} // namespace spheres
