#pragma once

#include <QWidget>

class QScreen;

namespace spheres {

class MapCanvas;

/// The presenter's own full-screen window: the map and nothing else. It borrows the editor's
/// canvas while presenting (the same session, so every view, selection and layer is the one the
/// editor shows) and gives it back, so the editor window keeps its docks, toolbars and size
/// untouched, and on a second screen stays usable as the presenter's desk.
class PresentationView : public QWidget
{
    Q_OBJECT
public:
    explicit PresentationView(QWidget *parent = nullptr);

    /// Takes `canvas` in and shows it full screen on `screen`.
    void present(MapCanvas *canvas, QScreen *screen);
    /// Lets go of the canvas (to be put back in the editor) and hides.
    MapCanvas *release();
    /// Where to present: a screen other than the editor's when there is one (the projector), else the editor's.
    static QScreen *screenFor(const QWidget *editor);

signals:
    /// The window was closed by the window manager (Alt+F4): the presentation ends.
    void closed();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    MapCanvas *m_canvas = nullptr;
};

} // namespace spheres
