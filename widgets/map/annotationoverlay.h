#pragma once

#include "annotationpainter.h"

#include <QLineF>
#include <QPolygonF>
#include <QWidget>

#include <functional>
#include <optional>

namespace spheres {

/// What the annotation editor draws over the canvas: the selected annotation's frame and
/// handles, and the arrow or area being drawn. Every mouse event goes through to the canvas.
class AnnotationOverlay : public QWidget
{
public:
    struct Marks
    {
        std::optional<PlacedAnnotation> selected; ///< framed, with handles on its anchor (and tail)
        std::optional<QLineF> arrow;               ///< tail to pointer, while an arrow is drawn
        QPolygonF area;                            ///< the corners so far, then the pointer
    };

    /// `marks` is asked at every paint.
    AnnotationOverlay(QWidget *canvas, std::function<Marks()> marks);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::function<Marks()> m_marks;
};

} // namespace spheres
