#pragma once

#include "annotation.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

namespace spheres {

class BriefDocument;
class MapCanvas;

/// The brief's side of annotating: each change to one annotation is one undoable edit of the
/// document, and the canvas shows the result (or, during a drag, a preview that is no edit yet).
class AnnotationEdits
{
    Q_DECLARE_TR_FUNCTIONS(AnnotationEdits)

public:
    /// Asks for an annotation's text: (dialog title, current text) → the new text, or nothing
    /// when the user cancels.
    using AskText = std::function<std::optional<QString>(const QString &title, const QString &current)>;

    AnnotationEdits(BriefDocument *document, MapCanvas *canvas) : m_document(document), m_canvas(canvas) {}

    const Annotation *find(const QString &id) const;
    /// Adds `annotation` under a new id, as the edit `what`; returns the id.
    QString add(Annotation annotation, const QString &what);
    /// Replaces the annotation of the same id, as the edit `what`.
    void commit(const Annotation &annotation, const QString &what);
    /// Shows `annotation` in place of the one of its id on the canvas only.
    void preview(const Annotation &annotation);
    /// Drops the canvas's preview: it shows the brief's annotations again.
    void endPreview();

    void editText(const QString &id, const AskText &ask);
    void setColour(const QString &id, const QString &colour);
    void setTextSize(const QString &id, double size);
    void resetTextPosition(const QString &id);
    void remove(const QString &id);

private:
    BriefDocument *m_document;
    MapCanvas *m_canvas;
};

} // namespace spheres
