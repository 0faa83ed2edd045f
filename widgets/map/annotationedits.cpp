#include "annotationedits.h"

#include "document/briefdocument.h"
#include "mapcanvas.h"

namespace spheres {

const Annotation *AnnotationEdits::find(const QString &id) const { return m_document->brief().annotation(id); }

QString AnnotationEdits::add(Annotation annotation, const QString &what)
{
    QList<Annotation> after = m_document->brief().annotations;
    annotation.id = nextAnnotationId(after);
    after << annotation;
    m_document->editAnnotations(after, what);
    return annotation.id;
}

void AnnotationEdits::commit(const Annotation &annotation, const QString &what)
{
    QList<Annotation> after = m_document->brief().annotations;
    for (Annotation &a : after)
        if (a.id == annotation.id)
            a = annotation;
    m_document->editAnnotations(after, what);
    endPreview(); // also when nothing changed after all
}

void AnnotationEdits::preview(const Annotation &annotation)
{
    QList<Annotation> preview = m_document->brief().annotations;
    for (Annotation &a : preview)
        if (a.id == annotation.id)
            a = annotation;
    m_canvas->setAnnotations(preview);
}

void AnnotationEdits::endPreview() { m_canvas->setAnnotations(m_document->brief().annotations); }

void AnnotationEdits::editText(const QString &id, const AskText &ask)
{
    const Annotation *a = find(id);
    if (!a)
        return;
    const auto text = ask(tr("Edit annotation"), a->text);
    if (!text || (a->kind == Annotation::Kind::Callout && text->trimmed().isEmpty()))
        return; // a callout without text would be a dot: delete it instead
    Annotation after = *a;
    after.text = *text;
    commit(after, tr("Edit annotation text"));
}

void AnnotationEdits::setColour(const QString &id, const QString &colour)
{
    if (const Annotation *a = find(id)) {
        Annotation after = *a;
        after.colour = colour;
        commit(after, tr("Change annotation colour"));
    }
}

void AnnotationEdits::setTextSize(const QString &id, double size)
{
    if (const Annotation *a = find(id)) {
        Annotation after = *a;
        after.textSize = size;
        commit(after, tr("Change annotation text size"));
    }
}

void AnnotationEdits::resetTextPosition(const QString &id)
{
    if (const Annotation *a = find(id)) {
        Annotation after = *a;
        after.textOffset.reset();
        commit(after, tr("Place annotation text automatically"));
    }
}

void AnnotationEdits::remove(const QString &id)
{
    QList<Annotation> after = m_document->brief().annotations;
    if (after.removeIf([&](const Annotation &a) { return a.id == id; }) > 0)
        m_document->editAnnotations(after, tr("Delete annotation"));
}

} // namespace spheres
