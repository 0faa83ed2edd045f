#pragma once

#include "colourvision.h"
#include "mappicture.h"
#include "maprenderer.h"
#include "mapsession.h"
#include "present/slideoverlay.h"

#include <QTimer>
#include <QVariantAnimation>
#include <QWidget>

#include <memory>

namespace spheres {

class ClaimsCard;

class Atlas;

/// The interactive map: drag to pan, wheel or +/− to zoom about the cursor, 0 to fit, click to
/// select, Esc to clear, hover to preview. Painting is delegated to MapRenderer, so the canvas
/// shows exactly what an export shows.
class MapCanvas : public QWidget
{
    Q_OBJECT
public:
    explicit MapCanvas(QWidget *parent = nullptr);
    ~MapCanvas() override;

    /// Shows `atlas` (the coarse base map) in the projection `projectionId`, framed on its home extent.
    void setBaseMap(std::shared_ptr<const Atlas> atlas, const QString &projectionId);
    void setProjection(const QString &projectionId);
    /// Thematic layers drawn over the base map, bottom to top.
    void setLayers(QList<std::shared_ptr<const Layer>> layers);
    void setOverlay(const PresentationOverlay &overlay);
    /// Multiplies the map's line widths and text (presentation uses large type).
    void setStyleScale(double scale);
    /// Shows the map as a reader with this colour-vision deficiency (or a greyscale print) sees it.
    void setColourVision(ColourVision::Mode mode);
    ColourVision::Mode colourVision() const { return m_colourVision; }
    /// The map as painted now (after any colour-vision simulation), for checks and tests.
    QImage grabMap() const;
    const PresentationOverlay &overlay() const { return m_overlay; }
    /// The card of the clicked region's claims while presenting (hidden when there are none).
    const ClaimsCard *claimsCard() const { return m_claimsCard; }
    /// The slide's title and caption panel, where SlideOverlay puts it (empty when not presenting).
    QRectF overlayTitlePanel() const;
    /// Where a region lies on screen, in pixels (its whole extent); empty when not shown.
    QRectF regionPixelBounds(const QString &code) const;
    void setYear(int year);
    void setLayerVisible(const QString &id, bool visible);
    void setLayerOpacity(const QString &id, double opacity);
    /// Reorders the layers to `idsBottomToTop` (ids not listed keep their place at the top).
    void setLayerOrder(const QStringList &idsBottomToTop);
    const QList<std::shared_ptr<const Layer>> &layers() const { return m_session->layers(); }
    QString selectedFeature() const { return view().selectedFeature; }

    /// The map shown: layers, scene and view, shared with the panels, search and exports.
    MapSession *session() const { return m_session; }
    const ViewState &view() const { return m_session->view(); }
    const Scene *scene() const { return m_session->scene(); }
    const MapRenderer &renderer() const { return m_renderer; }
    /// The renderer for exports: the canvas's, in the light style whatever the desktop's
    /// palette, since a light map is what goes on slides and paper.
    MapRenderer exportRenderer() const;
    QString selectedRegion() const { return view().selectedRegion; }
    /// True once the fine (1:10m) geometry is loaded for the current projection.
    bool hasFineDetail() const { return m_session->hasFineDetail(); }
    /// True while the camera eases to a view, a claim or a slide.
    bool isMoving() const;

public slots:
    void selectRegion(const QString &code);
    /// Selects a layer feature ("layer/feature"); selecting one clears the other kind.
    void selectFeature(const QString &ref);
    void clearSelection();
    /// Lights up these regions and features and dims the rest (empty lists: nothing dimmed).
    void setHighlight(const QStringList &regions, const QStringList &features, const QStringList &groups = {});
    /// The brief's annotations, drawn over the map (and in what the canvas exports).
    void setAnnotations(const QList<Annotation> &annotations);
    /// Annotations of the brief that this view leaves out.
    void setHiddenAnnotations(const QStringList &ids);
    /// Shows a saved view of `brief`, easing the camera to it.
    void showView(const SavedView &view, const Brief &brief);
    /// Eases the camera to frame the highlighted regions and features.
    void frameHighlight();
    /// Moves the camera smoothly to `centre` (lon/lat) at `metresPerPixel`.
    void easeTo(QPointF centre, double metresPerPixel, int milliseconds = 650);
    void zoomBy(double factor, QPointF aboutPixel);
    void zoomIn() { zoomBy(1.5, rect().center()); }
    void zoomOut() { zoomBy(1 / 1.5, rect().center()); }
    void zoomToFit();
    void panBy(QPointF pixels);
    /// An arrow key's pan: moved as a drag moves the map, until the keys rest (kKeyPanRestMs).
    void panByKey(QPointF pixels);
    /// A drag's or the keys' pan begins from the still picture, moved (FrameCache::startFrom).
    void startPanning();
    bool isPanning() const { return m_dragging || m_keysResting.isActive(); }
    /// What a screen reader says about the map: the selection and what it means (the context
    /// panel's summary); empty: how to use the map. Announced as a description change.
    void setAccessibleSummary(const QString &summary);

    /// Where the legend sits and whether it is folded (a saved view's; a click folds, a drag moves it).
    void setLegend(ViewState::Corner corner, bool collapsed);

signals:
    void selectionChanged(const QString &code);
    void featureSelectionChanged(const QString &ref);
    /// clearSelection() ran (Esc, a new brief): whatever was focused or shown is over.
    void selectionCleared();
    void cursorMoved(std::optional<QPointF> lonLat);
    void viewChanged();
    void framePainted();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /// The dark map under a dark palette (the desktop's dark mode), the light one otherwise.
    void followPalette();
    void setHovered(const QString &code, const QString &featureRef);
    void drawHoverTag(QPainter &painter) const;
    /// Shows, fills and places the claims card from the overlay and the selected region.
    void updateClaimsCard();

    MapSession *m_session;
    ClaimsCard *m_claimsCard = nullptr;
    MapRenderer m_renderer;
    MapPicture m_picture;
    QVariantAnimation *m_camera = nullptr;
    PresentationOverlay m_overlay;
    ColourVision::Mode m_colourVision = ColourVision::Mode::Normal;
    QPoint m_pressPos;
    QPoint m_lastDragPos;
    bool m_dragging = false;
    static constexpr int kKeyPanRestMs = 300; ///< held arrow keys repeat every 30–50 ms
    QTimer m_keysResting; ///< runs from each arrow key's pan until the keys have rested
    bool m_legendPressed = false; ///< the press was on the legend: a click folds it, a drag moves it
    bool m_keepHomeFrame = true; ///< until the user pans or zooms, resizing keeps the home frame
    QPoint m_hoverPos;
};

} // namespace spheres
