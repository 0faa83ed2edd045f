#pragma once

#include "annotation.h"
#include "annotationpainter.h"
#include "labelplacer.h"
#include "legendpainter.h"
#include "viewstate.h"

#include <QList>
#include <QRectF>

#include <optional>

namespace spheres {

class Scene;
struct MapStyle;

/// What one picture places over its geometry, each part after the ones it keeps clear of: the
/// labels (off the annotations' arrows and fixed boxes), the annotations' text (off the labels)
/// and the legend (off both). Each part is placed once per view and then shared by every pass
/// that draws it and every hit test that asks — before, a frame placed its labels three times.
/// Kept for the next frame at the same view, so the editor's pointer moves place nothing again.
class FrameLayout
{
public:
    /// What the renderer draws besides the scene; `revision` changes whenever any of it does.
    struct Inputs
    {
        const MapStyle &style;
        const QList<Annotation> &annotations;
        const QList<QRectF> &legendKeepClear;
        quint64 revision;
    };

    /// Forgets what it placed unless `scene` (its revision), `view` and `inputs` are the last ones.
    void prepare(const Scene &scene, const ViewState &view, const Inputs &inputs);

    /// The parts for the last prepare(); each placed on its first call.
    const QList<PlacedLabel> &labels();
    const QList<PlacedAnnotation> &annotations();
    const LegendPainter::Layout &legend();

private:
    const Scene *m_scene = nullptr;
    // The last prepare()'s inputs: the renderer's own members, re-seated at every prepare() (a
    // copied renderer's layout points at the copy's after its first call).
    const MapStyle *m_style = nullptr;
    const QList<Annotation> *m_annotationList = nullptr;
    const QList<QRectF> *m_legendKeepClear = nullptr;
    quint64 m_sceneRevision = 0;
    quint64 m_inputsRevision = 0;
    ViewState m_view;
    std::optional<QList<PlacedLabel>> m_labels;
    std::optional<QList<PlacedAnnotation>> m_annotations;
    std::optional<LegendPainter::Layout> m_legend;
};

} // namespace spheres
