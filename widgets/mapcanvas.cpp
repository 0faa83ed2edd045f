#include "mapcanvas.h"
#include "legendpainter.h"

#include "atlas.h"
#include "claimscard.h"
#include "projectioncatalog.h"
#include "viewlimits.h"

#include <QAccessible>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace spheres {

namespace {
constexpr int kClickSlopPixels = 4;
} // namespace

MapCanvas::MapCanvas(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 240);
    setAccessibleName(tr("Map"));
    setAccessibleSummary(QString());
    m_claimsCard = new ClaimsCard(this);
    followPalette();
    connect(&m_fineLoader, &QFutureWatcherBase::finished, this, [this] {
        if (const auto level = m_fineLoader.result(); level && !m_fineAtlas)
            m_fineAtlas = std::shared_ptr<const Atlas>(level, &level->atlas()); // reused by later projections
        if (m_scene && m_fineLoader.result() &&
            m_fineLoader.result()->projected().projection().id() == m_scene->projection().id()) {
            m_scene->setFine(m_fineLoader.result());
            update();
            emit viewChanged();
        }
    });
}

MapCanvas::~MapCanvas() { m_fineLoader.waitForFinished(); }

void MapCanvas::setBaseMap(std::shared_ptr<const Atlas> atlas, const QString &projectionId)
{
    m_atlas = std::move(atlas);
    setProjection(projectionId);
}

void MapCanvas::setProjection(const QString &projectionId)
{
    const ProjectionPreset *preset = ProjectionCatalog::find(projectionId);
    if (!preset || !m_atlas)
        return;
    m_fineLoader.waitForFinished();
    m_scene = std::make_unique<Scene>(m_atlas, preset->projection);
    m_scene->setLayers(m_layers);
    const QString selected = m_view.selectedRegion;
    m_view = framedView(preset->projection, preset->homeExtent, size());
    m_view.selectedRegion = selected;
    m_keepHomeFrame = true;
    loadFineDetailIfNeeded();
    update();
    emit viewChanged();
}

void MapCanvas::setLayers(QList<std::shared_ptr<const Layer>> layers)
{
    m_layers = std::move(layers);
    if (m_scene)
        m_scene->setLayers(m_layers);
    update();
}

void MapCanvas::setYear(int year)
{
    m_view.year = year;
    update();
    emit viewChanged();
}

void MapCanvas::selectRegion(const QString &code)
{
    if (!code.isEmpty())
        selectFeature(QString());
    if (code == m_view.selectedRegion)
        return;
    m_view.selectedRegion = code;
    update();
    emit selectionChanged(code);
}

void MapCanvas::selectFeature(const QString &ref)
{
    if (!ref.isEmpty())
        selectRegion(QString());
    if (ref == m_view.selectedFeature)
        return;
    m_view.selectedFeature = ref;
    update();
    emit featureSelectionChanged(ref);
}

void MapCanvas::clearSelection()
{
    selectRegion(QString());
    selectFeature(QString());
    setHighlight({}, {});
    emit selectionCleared();
}

void MapCanvas::setHighlight(const QStringList &regions, const QStringList &features, const QStringList &groups)
{
    if (regions == m_view.highlightRegions && features == m_view.highlightFeatures && groups == m_view.highlightGroups)
        return;
    m_view.highlightRegions = regions;
    m_view.highlightFeatures = features;
    m_view.highlightGroups = groups;
    update();
    emit viewChanged();
}

void MapCanvas::setAnnotations(const QList<Annotation> &annotations)
{
    if (annotations == m_renderer.annotations())
        return;
    m_renderer.setAnnotations(annotations);
    update();
}

void MapCanvas::setHiddenAnnotations(const QStringList &ids)
{
    if (ids == m_view.hiddenAnnotations)
        return;
    m_view.hiddenAnnotations = ids;
    update();
    emit viewChanged();
}

void MapCanvas::frameHighlight()
{
    if (!m_scene || !m_view.isHighlighting())
        return;
    QRectF bounds;
    const SceneLevel &level = m_scene->coarse();
    for (const QString &code : m_view.highlightRegions)
        if (const int i = level.atlas().indexOf(code); i >= 0)
            bounds = bounds.united(level.bounds()[i]);
    for (const ProjectedLayer &pl : m_scene->layers()) {
        for (int i = 0; i < pl.layer->features.size(); ++i) {
            const QString ref = pl.layer->id + u'/' + pl.layer->features[i].id;
            if (m_view.highlightFeatures.contains(ref) ||
                (m_view.highlightFeatures.contains(pl.layer->id) && pl.layer->kind != LayerKind::Membership))
                bounds = bounds.united(pl.lines[i].boundingRect().united(pl.areas[i].boundingRect()));
        }
    }
    if (bounds.isEmpty() && bounds.width() + bounds.height() <= 0)
        return;
    const double mpp = std::clamp(std::max(bounds.width() / (width() * 0.8), bounds.height() / (height() * 0.8)),
                                  400.0, ViewLimits::kMaxZoomOutMetresPerPixel);
    if (const auto centre = m_scene->projection().inverse(bounds.center()))
        easeTo(*centre, mpp);
}

void MapCanvas::easeTo(QPointF centre, double metresPerPixel, int milliseconds)
{
    if (!m_scene)
        return;
    const auto from = m_scene->projection().forward(m_view.centre);
    const auto to = m_scene->projection().forward(centre);
    if (!from || !to)
        return;
    if (!m_camera) {
        m_camera = new QVariantAnimation(this);
        m_camera->setEasingCurve(QEasingCurve::InOutCubic);
    }
    m_camera->stop();
    m_camera->disconnect(this);
    const double logFrom = std::log(m_view.metresPerPixel), logTo = std::log(ViewLimits::clampedScale(metresPerPixel));
    const QPointF a = *from, b = *to;
    m_camera->setStartValue(0.0);
    m_camera->setEndValue(1.0);
    m_camera->setDuration(milliseconds);
    connect(m_camera, &QVariantAnimation::valueChanged, this, [this, a, b, logFrom, logTo](const QVariant &v) {
        const double t = v.toDouble();
        if (const auto c = m_scene->projection().inverse(a + (b - a) * t))
            m_view.centre = *c;
        m_keepHomeFrame = false;
        setMetresPerPixel(std::exp(logFrom + (logTo - logFrom) * t));
    });
    m_camera->start();
}

void MapCanvas::setLayerVisible(const QString &id, bool visible)
{
    m_view.hiddenLayers.removeAll(id);
    if (!visible)
        m_view.hiddenLayers << id;
    update();
    emit viewChanged();
}

void MapCanvas::setLayerOpacity(const QString &id, double opacity)
{
    m_view.layerOpacity.insert(id, opacity);
    update();
    emit viewChanged();
}

void MapCanvas::setLayerOrder(const QStringList &idsBottomToTop)
{
    QList<std::shared_ptr<const Layer>> ordered;
    for (const QString &id : idsBottomToTop)
        for (const auto &layer : m_layers)
            if (layer->id == id)
                ordered << layer;
    for (const auto &layer : m_layers)
        if (!ordered.contains(layer))
            ordered << layer;
    setLayers(ordered);
}

void MapCanvas::zoomBy(double factor, QPointF aboutPixel)
{
    if (!m_scene)
        return;
    // Keep the point under the cursor where it is.
    const QTransform before = m_scene->worldToScreen(m_view).inverted();
    const QPointF anchor = before.map(aboutPixel);
    const double mpp = std::clamp(m_view.metresPerPixel / factor, ViewLimits::kMinMetresPerPixel,
                                  ViewLimits::kMaxZoomOutMetresPerPixel);
    const QPointF offset = aboutPixel - QPointF(m_view.size.width() / 2.0, m_view.size.height() / 2.0);
    const QPointF centreXY(anchor.x() - offset.x() * mpp, anchor.y() + offset.y() * mpp);
    if (const auto centre = m_scene->projection().inverse(centreXY)) {
        m_view.centre = *centre;
        m_keepHomeFrame = false;
        setMetresPerPixel(mpp);
    }
}

void MapCanvas::zoomToFit()
{
    if (!m_scene)
        return;
    const ProjectionPreset *preset = ProjectionCatalog::find(m_scene->projection().id());
    const ViewState framed = framedView(preset->projection, preset->homeExtent, size());
    m_view.centre = framed.centre;
    m_keepHomeFrame = true;
    setMetresPerPixel(framed.metresPerPixel);
}

void MapCanvas::panBy(QPointF pixels)
{
    if (!m_scene)
        return;
    const QPointF centreXY = m_scene->projection().forward(m_view.centre).value_or(QPointF());
    const QPointF moved(centreXY.x() - pixels.x() * m_view.metresPerPixel,
                        centreXY.y() + pixels.y() * m_view.metresPerPixel);
    if (const auto centre = m_scene->projection().inverse(moved)) {
        m_view.centre = *centre;
        m_keepHomeFrame = false;
        update();
        emit viewChanged();
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

void MapCanvas::setMetresPerPixel(double mpp)
{
    m_view.metresPerPixel = ViewLimits::clampedScale(mpp); // a saved view or a fit may ask for anything
    loadFineDetailIfNeeded();
    update();
    emit viewChanged();
}

void MapCanvas::loadFineDetailIfNeeded()
{
    if (!m_scene || m_scene->hasFine() || m_fineLoader.isRunning() || m_view.metresPerPixel >= Scene::kFineDetailBelow)
        return;
    const Projection projection = m_scene->projection();
    std::shared_ptr<const Atlas> fine = m_fineAtlas;
    m_fineLoader.setFuture(QtConcurrent::run([projection, fine]() mutable -> std::shared_ptr<const SceneLevel> {
        if (!fine) {
            Atlas::Result loaded = Atlas::loadBuiltIn(Atlas::Detail::Fine);
            if (!loaded.ok())
                return nullptr;
            fine = std::make_shared<const Atlas>(std::move(loaded.atlas));
        }
        return std::make_shared<const SceneLevel>(fine, projection);
    }));
}

void MapCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (!m_scene) {
        painter.fillRect(rect(), palette().window());
        return;
    }
    m_view.size = size();
    m_renderer.setLegendKeepClear({overlayTitlePanel()}); // the slide's title; empty when not presenting
    if (m_dragging) {
        m_dragFrames.paintPanned(painter, m_renderer, *m_scene, m_view);
    } else {
        m_dragFrames.clear();
        if (m_colourVision == ColourVision::Mode::Normal)
            m_renderer.render(painter, *m_scene, m_view);
        else
            painter.drawImage(QPointF(0, 0), grabMap());
        if (!m_overlay.active)
            drawHoverTag(painter);
    }
    drawOverlay(painter);
    emit framePainted();
}

/// The hovered region's name beside the cursor (screen only: not part of exports).
void MapCanvas::drawHoverTag(QPainter &painter) const
{
    if (m_dragging || !m_atlas || !m_scene)
        return;
    QString text;
    if (const auto [layer, index] = m_scene->findFeature(m_view.hoveredFeature); layer)
        text = layer->layer->features[index].name;
    else if (const Region *region = m_atlas->region(m_view.hoveredRegion))
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
    m_view.styleScale = scale;
    update();
}

void MapCanvas::setColourVision(ColourVision::Mode mode)
{
    m_colourVision = mode;
    update();
}

QImage MapCanvas::grabMap() const
{
    if (!m_scene)
        return {};
    const qreal dpr = devicePixelRatioF();
    QImage image(size() * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    {
        QPainter painter(&image);
        ViewState view = m_view;
        view.size = size();
        m_renderer.render(painter, *m_scene, view);
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

namespace {

/// The slide's title panel: its fonts and boxes, one layout for drawing and for placing
/// what must stay clear of it.
struct TitlePanel
{
    QFont titleFont{QStringLiteral("DejaVu Sans")};
    QFont captionFont{QStringLiteral("DejaVu Sans")};
    QRectF titleBox, captionBox, panel;
    double pad = 0, panelWidth = 0, k = 1;
};

TitlePanel titlePanel(const PresentationOverlay &overlay, QSize size)
{
    TitlePanel t;
    t.k = size.height() / 1080.0;
    const double margin = 36 * t.k;
    t.panelWidth = std::min(size.width() * 0.46, 900 * t.k);
    t.titleFont.setPixelSize(std::max(1, int(46 * t.k)));
    t.titleFont.setWeight(QFont::DemiBold);
    t.captionFont.setPixelSize(std::max(1, int(26 * t.k)));
    t.titleBox = QFontMetricsF(t.titleFont).boundingRect(QRectF(0, 0, t.panelWidth, 1e6), Qt::TextWordWrap, overlay.title);
    t.captionBox = overlay.caption.isEmpty()
                       ? QRectF()
                       : QFontMetricsF(t.captionFont).boundingRect(QRectF(0, 0, t.panelWidth, 1e6), Qt::TextWordWrap, overlay.caption);
    t.pad = 22 * t.k;
    t.panel = QRectF(margin, margin, t.panelWidth + 2 * t.pad,
                     t.titleBox.height() + t.captionBox.height() + 2 * t.pad + (t.captionBox.isEmpty() ? 0 : 12 * t.k));
    return t;
}

} // namespace

QRectF MapCanvas::overlayTitlePanel() const { return m_overlay.active ? titlePanel(m_overlay, size()).panel : QRectF(); }

QRectF MapCanvas::regionPixelBounds(const QString &code) const
{
    if (!m_scene || code.isEmpty())
        return {};
    const SceneLevel &level = m_scene->coarse();
    const int i = level.atlas().indexOf(code);
    if (i < 0)
        return {};
    return m_scene->worldToScreen(m_view).mapRect(level.bounds()[i]).intersected(QRectF(rect()));
}

void MapCanvas::updateClaimsCard()
{
    if (!m_overlay.active || m_overlay.claims.isEmpty() || m_overlay.blank.isValid()) {
        m_claimsCard->hide();
        return;
    }
    const Region *region = m_atlas ? m_atlas->region(m_view.selectedRegion) : nullptr;
    m_claimsCard->setContent(region ? region->name : m_view.selectedRegion, m_overlay.claims, height() / 1080.0);
    m_claimsCard->place(regionPixelBounds(m_view.selectedRegion), overlayTitlePanel());
    m_claimsCard->show();
    m_claimsCard->raise();
}

/// Title and caption in type sized to the screen's height, so they read from the back of a
/// room at 1080p and at 4K alike (the clicked region's claims are a card of their own).
void MapCanvas::drawOverlay(QPainter &painter) const
{
    if (!m_overlay.active)
        return;
    if (m_overlay.blank.isValid()) {
        painter.fillRect(rect(), m_overlay.blank);
        return;
    }
    const TitlePanel t = titlePanel(m_overlay, size());
    const double k = t.k, margin = 36 * k;
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF &panel = t.panel;
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 232));
    painter.drawRoundedRect(panel, 10 * k, 10 * k);
    painter.setPen(QColor(0x1a, 0x1a, 0x1a));
    painter.setFont(t.titleFont);
    painter.drawText(QRectF(panel.left() + t.pad, panel.top() + t.pad, t.panelWidth, t.titleBox.height()), Qt::TextWordWrap, m_overlay.title);
    painter.setFont(t.captionFont);
    painter.setPen(QColor(0x33, 0x33, 0x33));
    painter.drawText(QRectF(panel.left() + t.pad, panel.top() + t.pad + t.titleBox.height() + 12 * k, t.panelWidth, t.captionBox.height()),
                     Qt::TextWordWrap, m_overlay.caption);
    if (!m_overlay.counter.isEmpty()) {
        painter.setPen(QColor(0x55, 0x55, 0x55));
        painter.drawText(QRectF(0, height() - margin - 40 * k, width() - margin, 40 * k), Qt::AlignRight | Qt::AlignVCenter,
                         m_overlay.counter);
    }
}

void MapCanvas::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_view.size = size();
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
    m_legendPressed = m_scene && m_renderer.legendLayout(*m_scene, m_view).box.contains(event->position());
}

void MapCanvas::setLegend(ViewState::Corner corner, bool collapsed)
{
    if (m_view.legendCorner == corner && m_view.legendCollapsed == collapsed)
        return;
    m_view.legendCorner = corner;
    m_view.legendCollapsed = collapsed;
    update();
    emit viewChanged();
}

void MapCanvas::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    m_hoverPos = pos;
    if (m_scene)
        emit cursorMoved(m_scene->lonLatAt(m_view, pos));
    if (event->buttons() & Qt::LeftButton && m_legendPressed) {
        if ((pos - m_pressPos).manhattanLength() > kClickSlopPixels)
            setCursor(Qt::ClosedHandCursor); // the legend lands in the nearest corner on release
        return;
    }
    if (event->buttons() & Qt::LeftButton) {
        if (!m_dragging && (pos - m_pressPos).manhattanLength() > kClickSlopPixels) {
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
        }
        if (m_dragging) {
            panBy(pos - m_lastDragPos);
            m_lastDragPos = pos;
        }
        return;
    }
    const QString feature = m_scene ? m_scene->featureAt(m_view, pos) : QString();
    setHovered(feature.isEmpty() && m_scene ? m_scene->regionAt(m_view, pos) : QString(), feature);
    if (!m_view.hoveredRegion.isEmpty() || !m_view.hoveredFeature.isEmpty())
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
            setLegend(LegendPainter::nearestCorner(pos, size()), m_view.legendCollapsed);
        else
            setLegend(m_view.legendCorner, !m_view.legendCollapsed);
        return;
    }
    if (m_dragging) {
        m_dragging = false;
        unsetCursor();
        update(); // full render, with hover and exact labels
        return;
    }
    if (!m_scene)
        return;
    if (const QString feature = m_scene->featureAt(m_view, event->position()); !feature.isEmpty())
        selectFeature(feature);
    else
        selectRegion(m_scene->regionAt(m_view, event->position()));
}

void MapCanvas::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(1.25, steps), event->position());
    event->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent *event)
{
    const double step = 80;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); break;
    case Qt::Key_Minus: zoomOut(); break;
    case Qt::Key_0: zoomToFit(); break;
    case Qt::Key_Left: panBy({step, 0}); break;
    case Qt::Key_Right: panBy({-step, 0}); break;
    case Qt::Key_Up: panBy({0, step}); break;
    case Qt::Key_Down: panBy({0, -step}); break;
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
    m_dragFrames.clear();
    update();
}

void MapCanvas::setHovered(const QString &code, const QString &featureRef)
{
    if (code == m_view.hoveredRegion && featureRef == m_view.hoveredFeature)
        return;
    m_view.hoveredRegion = code;
    m_view.hoveredFeature = featureRef;
    update();
    emit hoverChanged(featureRef.isEmpty() ? code : featureRef);
}

} // namespace spheres
