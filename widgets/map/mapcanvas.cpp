#include "mapcanvas.h"

#include "featurekey.h"
#include "legendpainter.h"

#include "atlas.h"
#include "brief.h"
#include "panels/claimscard.h"
#include "projectioncatalog.h"
#include "present/slideoverlay.h"
#include "viewlimits.h"

#include <QAccessible>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace spheres {

namespace {
constexpr int kClickSlopPixels = 4;
} // namespace

MapCanvas::MapCanvas(QWidget *parent) : QWidget(parent), m_session(new MapSession(this))
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 240);
    setAccessibleName(tr("Map"));
    setAccessibleSummary(QString());
    m_session->setSize(size());
    m_claimsCard = new ClaimsCard(this);
    followPalette();
    const auto repaint = [this] { update(); };
    connect(&m_picture, &MapPicture::frameLanded, this, repaint);
    m_keysResting.setSingleShot(true);
    m_keysResting.setInterval(kKeyPanRestMs);
    connect(&m_keysResting, &QTimer::timeout, this, repaint); // the pan by keys has ended
    connect(m_session, &MapSession::sceneChanged, this, repaint);
    connect(m_session, &MapSession::hoverChanged, this, repaint);
    connect(m_session, &MapSession::viewChanged, this, &MapCanvas::viewChanged);
    connect(m_session, &MapSession::viewChanged, this, repaint);
    connect(m_session, &MapSession::selectionChanged, this, &MapCanvas::selectionChanged);
    connect(m_session, &MapSession::featureSelectionChanged, this, &MapCanvas::featureSelectionChanged);
    connect(m_session, &MapSession::selectionCleared, this, &MapCanvas::selectionCleared);
}

MapCanvas::~MapCanvas() = default;

void MapCanvas::setBaseMap(std::shared_ptr<const Atlas> atlas, const QString &projectionId)
{
    m_session->setSize(size());
    m_session->setBaseMap(std::move(atlas), projectionId);
    m_keepHomeFrame = true;
}

void MapCanvas::setProjection(const QString &projectionId)
{
    m_session->setSize(size());
    m_session->setProjection(projectionId);
    m_keepHomeFrame = true;
}

void MapCanvas::setLayers(QList<std::shared_ptr<const Layer>> layers) { m_session->setLayers(std::move(layers)); }

void MapCanvas::setYear(int year) { m_session->setYear(year); }

void MapCanvas::selectRegion(const QString &code) { m_session->selectRegion(code); }

void MapCanvas::selectFeature(const QString &ref) { m_session->selectFeature(ref); }

void MapCanvas::clearSelection() { m_session->clearSelection(); }

void MapCanvas::setHighlight(const QStringList &regions, const QStringList &features, const QStringList &groups)
{
    m_session->setHighlight(regions, features, groups);
}

void MapCanvas::setAnnotations(const QList<Annotation> &annotations)
{
    if (annotations == m_renderer.annotations())
        return;
    m_renderer.setAnnotations(annotations);
    update();
}

void MapCanvas::setHiddenAnnotations(const QStringList &ids) { m_session->setHiddenAnnotations(ids); }

void MapCanvas::showView(const SavedView &view, const Brief &brief)
{
    m_session->applyView(view, brief, MapSession::Camera::Keep);
    easeTo(view.state.centre, view.state.metresPerPixel, 900);
}

void MapCanvas::frameHighlight()
{
    const Scene *scene = m_session->scene();
    const ViewState &view = m_session->view();
    if (!scene || !view.isHighlighting())
        return;
    QRectF bounds;
    const SceneLevel &level = scene->coarse();
    for (const QString &code : view.highlightRegions)
        if (const int i = level.atlas().indexOf(code); i >= 0)
            bounds = bounds.united(level.bounds()[i]);
    for (const ProjectedLayer &pl : scene->layers()) {
        for (int i = 0; i < pl.layer->features.size(); ++i) {
            const QString ref = FeatureKey{pl.layer->id, pl.layer->features[i].id}.toString();
            if (view.highlightFeatures.contains(ref) ||
                (view.highlightFeatures.contains(pl.layer->id) && pl.layer->kind != LayerKind::Membership))
                bounds = bounds.united(pl.lines[i].boundingRect().united(pl.areas.bounds(i)));
        }
    }
    if (bounds.isEmpty() && bounds.width() + bounds.height() <= 0)
        return;
    const double mpp = std::clamp(std::max(bounds.width() / (width() * 0.8), bounds.height() / (height() * 0.8)),
                                  400.0, ViewLimits::kMaxZoomOutMetresPerPixel);
    if (const auto centre = scene->projection().inverse(bounds.center()))
        easeTo(*centre, mpp);
}

bool MapCanvas::isMoving() const { return m_camera && m_camera->state() == QAbstractAnimation::Running; }

void MapCanvas::easeTo(QPointF centre, double metresPerPixel, int milliseconds)
{
    const Scene *scene = m_session->scene();
    if (!scene)
        return;
    const auto from = scene->projection().forward(m_session->view().centre);
    const auto to = scene->projection().forward(centre);
    if (!from || !to)
        return;
    if (!m_camera) {
        m_camera = new QVariantAnimation(this);
        m_camera->setEasingCurve(QEasingCurve::InOutCubic);
    }
    m_camera->stop();
    m_camera->disconnect(this);
    const double logFrom = std::log(m_session->view().metresPerPixel), logTo = std::log(ViewLimits::clampedScale(metresPerPixel));
    const QPointF a = *from, b = *to;
    m_camera->setStartValue(0.0);
    m_camera->setEndValue(1.0);
    m_camera->setDuration(milliseconds);
    connect(m_camera, &QVariantAnimation::valueChanged, this, [this, a, b, logFrom, logTo](const QVariant &v) {
        const double t = v.toDouble();
        const QPointF centre = m_session->scene()->projection().inverse(a + (b - a) * t).value_or(m_session->view().centre);
        m_keepHomeFrame = false;
        m_session->setCamera(centre, std::exp(logFrom + (logTo - logFrom) * t));
    });
    m_camera->start();
}

void MapCanvas::setLayerVisible(const QString &id, bool visible) { m_session->setLayerVisible(id, visible); }

void MapCanvas::setLayerOpacity(const QString &id, double opacity) { m_session->setLayerOpacity(id, opacity); }

void MapCanvas::setLayerOrder(const QStringList &idsBottomToTop) { m_session->setLayerOrder(idsBottomToTop); }

void MapCanvas::zoomBy(double factor, QPointF aboutPixel)
{
    const Scene *scene = m_session->scene();
    if (!scene)
        return;
    // Keep the point under the cursor where it is.
    const ViewState &view = m_session->view();
    const QPointF anchor = scene->worldToScreen(view).inverted().map(aboutPixel);
    const double mpp = std::clamp(view.metresPerPixel / factor, ViewLimits::kMinMetresPerPixel,
                                  ViewLimits::kMaxZoomOutMetresPerPixel);
    const QPointF offset = aboutPixel - QPointF(view.size.width() / 2.0, view.size.height() / 2.0);
    const QPointF centreXY(anchor.x() - offset.x() * mpp, anchor.y() + offset.y() * mpp);
    if (const auto centre = scene->projection().inverse(centreXY)) {
        m_keepHomeFrame = false;
        m_session->setCamera(*centre, mpp);
    }
}

void MapCanvas::zoomToFit()
{
    const Scene *scene = m_session->scene();
    if (!scene)
        return;
    const ProjectionPreset *preset = ProjectionCatalog::find(scene->projection().id());
    const ViewState framed = framedView(preset->projection, preset->homeExtent, size());
    m_keepHomeFrame = true;
    m_session->setCamera(framed.centre, framed.metresPerPixel);
}

void MapCanvas::panBy(QPointF pixels)
{
    const Scene *scene = m_session->scene();
    if (!scene)
        return;
    const ViewState &view = m_session->view();
    const QPointF centreXY = scene->projection().forward(view.centre).value_or(QPointF());
    const QPointF moved(centreXY.x() - pixels.x() * view.metresPerPixel, centreXY.y() + pixels.y() * view.metresPerPixel);
    if (const auto centre = scene->projection().inverse(moved)) {
        m_keepHomeFrame = false;
        m_session->setCamera(*centre, view.metresPerPixel);
    }
}

void MapCanvas::setAccessibleSummary(const QString &summary)
{
    const QString text = summary.isEmpty()
                             ? tr("Nothing selected. Arrow keys pan, + and − zoom, 0 fits, Esc clears the selection.")
                             : summary;
    if (text == accessibleDescription())
        return;
    setAccessibleDescription(text);
    // Qt 6.4's setAccessibleDescription() does not tell screen readers that it changed.
    QAccessibleEvent event(this, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&event);
}

void MapCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (!scene()) {
        painter.fillRect(rect(), palette().window());
        return;
    }
    m_session->setSize(size());
    m_renderer.setLegendKeepClear({overlayTitlePanel()}); // the slide's title; empty when not presenting
    if (isPanning() || m_colourVision == ColourVision::Mode::Normal)
        m_picture.paint(painter, m_renderer, *scene(), view(), isPanning());
    else
        painter.drawImage(QPointF(0, 0), grabMap());
    if (!isPanning() && !m_overlay.active)
        drawHoverTag(painter);
    SlideOverlay::paint(painter, m_overlay, size());
    emit framePainted();
}

/// The hovered region's name beside the cursor (screen only: not part of exports).
void MapCanvas::drawHoverTag(QPainter &painter) const
{
    if (m_dragging || !m_session->atlas() || !scene())
        return;
    QString text;
    if (const auto [layer, index] = scene()->findFeature(view().hoveredFeature); layer)
        text = layer->layer->features[index].name;
    else if (const Region *region = m_session->atlas()->region(view().hoveredRegion))
        text = region->name;
    if (text.isEmpty())
        return;
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 1.05);
    painter.setFont(font);
    const QFontMetrics metrics(font);
    QRect box = metrics.boundingRect(text).adjusted(-7, -4, 7, 4);
    box.moveTopLeft(m_hoverPos + QPoint(14, 16));
    if (box.right() > width())
        box.moveRight(m_hoverPos.x() - 8);
    if (box.bottom() > height())
        box.moveBottom(m_hoverPos.y() - 8);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QColor(0, 0, 0, 60));
    painter.setBrush(QColor(255, 255, 255, 235));
    painter.drawRoundedRect(box, 4, 4);
    painter.setPen(QColor(0x22, 0x22, 0x22));
    painter.drawText(box, Qt::AlignCenter, text);
}

void MapCanvas::setStyleScale(double scale)
{
    m_session->setStyleScale(scale);
}

void MapCanvas::setColourVision(ColourVision::Mode mode)
{
    m_colourVision = mode;
    update();
}

QImage MapCanvas::grabMap() const
{
    if (!scene())
        return {};
    m_picture.finishRendering(); // never two threads drawing the scene at once (FrameRenderJob)
    const qreal dpr = devicePixelRatioF();
    QImage image(size() * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    {
        QPainter painter(&image);
        ViewState view = this->view();
        view.size = size();
        m_renderer.render(painter, *scene(), view);
    }
    ColourVision::simulate(image, m_colourVision);
    image.setDevicePixelRatio(dpr);
    return image;
}

void MapCanvas::setOverlay(const PresentationOverlay &overlay)
{
    m_overlay = overlay;
    updateClaimsCard();
    update();
}

QRectF MapCanvas::overlayTitlePanel() const { return m_overlay.active ? SlideOverlay::titlePanel(m_overlay, size()) : QRectF(); }

QRectF MapCanvas::regionPixelBounds(const QString &code) const
{
    if (!scene() || code.isEmpty())
        return {};
    const SceneLevel &level = scene()->coarse();
    const int i = level.atlas().indexOf(code);
    if (i < 0)
        return {};
    return scene()->worldToScreen(view()).mapRect(level.bounds()[i]).intersected(QRectF(rect()));
}

void MapCanvas::updateClaimsCard()
{
    if (!m_overlay.active || m_overlay.claims.isEmpty() || m_overlay.blank.isValid()) {
        m_claimsCard->hide();
        return;
    }
    const Region *region = m_session->atlas() ? m_session->atlas()->region(view().selectedRegion) : nullptr;
    m_claimsCard->setContent(region ? region->name : view().selectedRegion, m_overlay.claims, height() / 1080.0);
    m_claimsCard->place(regionPixelBounds(view().selectedRegion), overlayTitlePanel());
    m_claimsCard->show();
    m_claimsCard->raise();
}

void MapCanvas::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_session->setSize(size());
    if (m_claimsCard->isVisible())
        updateClaimsCard();
    if (m_keepHomeFrame)
        zoomToFit();
}

void MapCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_pressPos = m_lastDragPos = event->position().toPoint();
    m_dragging = false;
    m_legendPressed = scene() && m_renderer.legendLayout(*scene(), view()).box.contains(event->position());
    if (scene() && !m_legendPressed) // a drag may follow: its frame renders from now
        m_picture.pressed(m_renderer, *scene(), view(), devicePixelRatioF());
}

void MapCanvas::setLegend(ViewState::Corner corner, bool collapsed)
{
    m_session->setLegend(corner, collapsed);
}

void MapCanvas::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    m_hoverPos = pos;
    if (scene())
        emit cursorMoved(scene()->lonLatAt(view(), pos));
    if (event->buttons() & Qt::LeftButton && m_legendPressed) {
        if ((pos - m_pressPos).manhattanLength() > kClickSlopPixels)
            setCursor(Qt::ClosedHandCursor); // the legend lands in the nearest corner on release
        return;
    }
    if (event->buttons() & Qt::LeftButton) {
        if (!m_dragging && (pos - m_pressPos).manhattanLength() > kClickSlopPixels) {
            startPanning();
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
        }
        if (m_dragging) {
            panBy(pos - m_lastDragPos);
            m_lastDragPos = pos;
        }
        return;
    }
    const QString feature = scene() ? scene()->featureAt(view(), pos) : QString();
    setHovered(feature.isEmpty() && scene() ? scene()->regionAt(view(), pos) : QString(), feature);
    if (!view().hoveredRegion.isEmpty() || !view().hoveredFeature.isEmpty())
        update(); // the hover tag follows the cursor
}

void MapCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (m_legendPressed) {
        m_legendPressed = false;
        unsetCursor();
        const QPointF pos = event->position();
        if ((pos.toPoint() - m_pressPos).manhattanLength() > kClickSlopPixels)
            setLegend(LegendPainter::nearestCorner(pos, size()), view().legendCollapsed);
        else
            setLegend(view().legendCorner, !view().legendCollapsed);
        return;
    }
    if (m_dragging) {
        m_dragging = false;
        unsetCursor();
        update(); // the still picture, its ground cut from the drag's frame, with the hover
        return;
    }
    if (!scene())
        return;
    if (const QString feature = scene()->featureAt(view(), event->position()); !feature.isEmpty())
        selectFeature(feature);
    else
        selectRegion(scene()->regionAt(view(), event->position()));
}

void MapCanvas::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(1.25, steps), event->position());
    event->accept();
}

void MapCanvas::startPanning()
{
    // The picture on screen moves at once; the frame with its margin renders meanwhile. What
    // was under the pointer moves away with the map: the hover ends.
    if (!isPanning() && scene()) {
        m_picture.panStarts(m_renderer, *scene(), view(), devicePixelRatioF());
        setHovered(QString(), QString());
    }
}

void MapCanvas::panByKey(QPointF pixels)
{
    startPanning();
    m_keysResting.start();
    panBy(pixels);
}

void MapCanvas::keyPressEvent(QKeyEvent *event)
{
    const double step = 80;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); break;
    case Qt::Key_Minus: zoomOut(); break;
    case Qt::Key_0: zoomToFit(); break;
    case Qt::Key_Left: panByKey({step, 0}); break;
    case Qt::Key_Right: panByKey({-step, 0}); break;
    case Qt::Key_Up: panByKey({0, step}); break;
    case Qt::Key_Down: panByKey({0, -step}); break;
    case Qt::Key_Escape: clearSelection(); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void MapCanvas::leaveEvent(QEvent *event)
{
    setHovered(QString(), QString());
    QWidget::leaveEvent(event);
}

void MapCanvas::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        followPalette();
}

MapRenderer MapCanvas::exportRenderer() const
{
    // An export draws the scene on this thread: a frame of a drag still rendering finishes first
    // (FrameRenderJob), a wait far shorter than the export's.
    m_picture.finishRendering();
    MapRenderer renderer = m_renderer;
    renderer.setStyle(MapStyle::standard());
    renderer.setLegendKeepClear({}); // the slide's, not the export's
    return renderer;
}

void MapCanvas::followPalette()
{
    const MapStyle &style = MapStyle::forPalette(palette());
    if (style.isDark == m_renderer.style().isDark)
        return;
    m_renderer.setStyle(style);
    m_picture.forgetFrames();
    update();
}

void MapCanvas::setHovered(const QString &code, const QString &featureRef) { m_session->setHovered(code, featureRef); }

} // namespace spheres
