#include "framelayout.h"

#include "scene.h"

namespace spheres {

void FrameLayout::prepare(const Scene &scene, const ViewState &view, const Inputs &inputs)
{
    // Nothing placed depends on the pointer: a hover moving over the map places nothing again.
    const ViewState placed = view.withoutPointer();
    const bool same = m_style && m_scene == &scene && m_sceneRevision == scene.revision() &&
                      m_inputsRevision == inputs.revision && m_view == placed;
    m_scene = &scene;
    m_style = &inputs.style;
    m_annotationList = &inputs.annotations;
    m_legendKeepClear = &inputs.legendKeepClear;
    if (same)
        return;
    m_sceneRevision = scene.revision();
    m_inputsRevision = inputs.revision;
    m_view = placed;
    m_labels.reset();
    m_annotations.reset();
    m_legend.reset();
}

const QList<PlacedLabel> &FrameLayout::labels()
{
    if (!m_labels) {
        const QTransform t = m_scene->worldToScreen(m_view);
        const QList<Annotation> &annotations = *m_annotationList;
        m_labels = annotations.isEmpty()
                       ? LabelPlacer::placeAll(*m_scene, t, m_view, *m_style)
                       : LabelPlacer::placeAll(*m_scene, t, m_view, *m_style,
                                               AnnotationPainter::arrowLines(annotations, *m_scene, m_view),
                                               AnnotationPainter::fixedBoxes(annotations, *m_scene, m_view, *m_style));
    }
    return *m_labels;
}

const QList<PlacedAnnotation> &FrameLayout::annotations()
{
    if (!m_annotations) {
        if (m_annotationList->isEmpty()) {
            m_annotations.emplace();
        } else {
            QList<QRectF> labelBoxes; // text boxes keep clear of the very labels the label pass draws
            for (const PlacedLabel &label : labels())
                labelBoxes << label.box;
            m_annotations = AnnotationPainter::layout(*m_annotationList, *m_scene, m_view, *m_style, labelBoxes);
        }
    }
    return *m_annotations;
}

const LegendPainter::Layout &FrameLayout::legend()
{
    if (!m_legend) {
        QList<QRectF> avoid = *m_legendKeepClear;
        for (const PlacedAnnotation &a : annotations())
            avoid << a.bounds();
        m_legend = LegendPainter::layout(*m_scene, m_view, *m_style, avoid);
    }
    return *m_legend;
}

} // namespace spheres
