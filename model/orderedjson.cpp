#include "orderedjson.h"

#include <QLocale>

#include <cmath>

namespace spheres {

namespace {

constexpr int kLineWidth = 100;
constexpr size_t kMaxInlineMembers = 3;

/// Appends UTF-8 text as the inside of a JSON string.
void appendEscaped(const QByteArray &utf8, QByteArray &out)
{
    for (const char c : utf8) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (uchar(c) < 0x20)
                out += "\\u00" + QByteArray::number(uchar(c), 16).rightJustified(2, '0');
            else
                out += c; // UTF-8 bytes of non-ASCII characters are all >= 0x80
        }
    }
}

} // namespace

QByteArray OrderedJson::quoted(const QString &s)
{
    QByteArray out;
    out.reserve(s.size() + 2);
    out += '"';
    // A lone surrogate ("\ud800" is valid JSON) has no UTF-8 form: toUtf8() would write "?" and the
    // text would not read back equal. It is written as the escape it was read from.
    qsizetype from = 0;
    for (qsizetype i = 0; i <= s.size(); ++i) {
        if (i < s.size()) {
            const QChar c = s.at(i);
            if (c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
                ++i;
                continue;
            }
            if (!c.isSurrogate())
                continue;
        }
        appendEscaped(QStringView(s).sliced(from, i - from).toUtf8(), out);
        if (i < s.size())
            out += "\\u" + QByteArray::number(s.at(i).unicode(), 16);
        from = i + 1;
    }
    out += '"';
    return out;
}

OrderedJson OrderedJson::raw(const QByteArray &text)
{
    OrderedJson n;
    n.m_scalar = text;
    return n;
}

OrderedJson OrderedJson::container(Kind kind)
{
    OrderedJson n;
    n.m_kind = kind;
    return n;
}

OrderedJson OrderedJson::string(const QString &text) { return raw(quoted(text)); }

OrderedJson OrderedJson::number(double value)
{
    if (!std::isfinite(value))
        return raw("null"); // JSON has no NaN or infinity; a reader then refuses the member
    // The shortest text that reads back as the same double: 5200, 0.35, 1e-05.
    return raw(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
}

OrderedJson OrderedJson::strings(const QStringList &list)
{
    OrderedJson n = array();
    for (const QString &s : list)
        n.append(string(s));
    return n;
}

OrderedJson OrderedJson::pair(double first, double second)
{
    return array().append(number(first)).append(number(second));
}

OrderedJson &OrderedJson::add(const QString &key, OrderedJson value)
{
    m_keys.push_back(key);
    m_children.push_back(std::move(value));
    return *this;
}

OrderedJson &OrderedJson::append(OrderedJson value)
{
    m_children.push_back(std::move(value));
    return *this;
}

QByteArray OrderedJson::toJson() const
{
    QByteArray out;
    write(0, 0, out);
    out += '\n';
    return out;
}

/// `[1, 2]` or `{"id": "sco", "visible": true}` when every child is a scalar or an empty
/// container; empty otherwise.
QByteArray OrderedJson::inlineForm() const
{
    const bool isArray = m_kind == Kind::Array;
    QByteArray out = isArray ? "[" : "{";
    for (size_t i = 0; i < m_children.size(); ++i) {
        const OrderedJson &child = m_children[i];
        if (child.m_kind != Kind::Scalar && !child.m_children.empty())
            return {};
        if (i > 0)
            out += ", ";
        if (!isArray)
            out += quoted(m_keys[i]) + ": ";
        out += child.m_kind == Kind::Scalar ? child.m_scalar : (child.m_kind == Kind::Array ? "[]" : "{}");
    }
    out += isArray ? "]" : "}";
    return out;
}

void OrderedJson::write(int indent, int column, QByteArray &out) const
{
    if (m_kind == Kind::Scalar) {
        out += m_scalar;
        return;
    }
    const bool isArray = m_kind == Kind::Array;
    if (m_children.empty()) {
        out += isArray ? "[]" : "{}";
        return;
    }
    if (isArray || (indent > 0 && m_children.size() <= kMaxInlineMembers)) {
        const QByteArray line = inlineForm();
        if (!line.isEmpty() && column + line.size() <= kLineWidth) {
            out += line;
            return;
        }
    }
    out += isArray ? "[\n" : "{\n";
    const QByteArray pad(indent + 2, ' ');
    for (size_t i = 0; i < m_children.size(); ++i) {
        out += pad;
        int childColumn = indent + 2;
        if (!isArray) {
            const QByteArray key = quoted(m_keys[i]) + ": ";
            out += key;
            childColumn += int(key.size());
        }
        m_children[i].write(indent + 2, childColumn, out);
        out += i + 1 < m_children.size() ? ",\n" : "\n";
    }
    out += QByteArray(indent, ' ');
    out += isArray ? "]" : "}";
}

} // namespace spheres
