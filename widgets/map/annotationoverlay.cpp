#include "annotationoverlay.h"

#include <QPainter>

namespace spheres {

AnnotationOverlay::AnnotationOverlay(QWidget *canvas, std::function<Marks()> marks)
    : QWidget(canvas), m_marks(std::move(marks))
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
}

void AnnotationOverlay::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const Marks marks = m_marks();
    const QColor accent(0x00, 0x72, 0xb2);
    if (const auto &p = marks.selected) {
        painter.setPen(QPen(accent, 1, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        // A callout's or pin's frame is its text box: the map between it and the anchor
        // is not part of it (a click there selects what is under it).
        const bool framesText = (p->annotation.kind == Annotation::Kind::Callout || p->annotation.kind == Annotation::Kind::Pin)
                                && !p->textBox.isEmpty();
        painter.drawRect((framesText ? p->textBox : p->bounds()).adjusted(-4, -4, 4, 4));
        painter.setPen(QPen(Qt::white, 1.5));
        painter.setBrush(accent);
        QList<QPointF> handles{p->anchor};
        if (p->annotation.kind == Annotation::Kind::Arrow)
            handles << p->tail;
        for (QPointF h : handles)
            painter.drawRect(QRectF(h - QPointF(4, 4), QSizeF(8, 8)));
    }
    QPen drawing(accent, 2, Qt::DashLine);
    painter.setPen(drawing);
    painter.setBrush(Qt::NoBrush);
    if (marks.arrow)
        painter.drawLine(*marks.arrow);
    if (!marks.area.isEmpty()) {
        painter.drawPolyline(marks.area);
        painter.setPen(QPen(Qt::white, 1.5));
        painter.setBrush(accent);
        for (qsizetype i = 0; i + 1 < marks.area.size(); ++i)
            painter.drawEllipse(marks.area[i], 4, 4);
    }
}

} // namespace spheres
