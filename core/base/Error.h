#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace sb {

/// An error as a value: what kind it is and a message already translated for the user.
struct Error
{
    enum class Kind
    {
        Invalid,  ///< bad input: malformed or out-of-range value
        NotFound, ///< unknown member, profile, …
        Refused,  ///< a rule of the account says no (balance too low, duplicate, …)
        Storage,  ///< the database failed or is unusable
    };
    Kind kind = Kind::Invalid;
    QString message;
    /// A storage error worth retrying: the engine reported a busy lock or a serialization
    /// conflict, so the same work may succeed in a fresh transaction.
    bool retryable = false;

    static Error invalid(QString m) { return {Kind::Invalid, std::move(m)}; }
    static Error notFound(QString m) { return {Kind::NotFound, std::move(m)}; }
    static Error refused(QString m) { return {Kind::Refused, std::move(m)}; }
    static Error storage(QString m, bool retryable = false)
    {
        return {Kind::Storage, std::move(m), retryable};
    }
};

/// Either a value or an Error. Result<void> carries only the error.
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(m_v); }
    T& value() & { return std::get<T>(m_v); }
    T&& value() && { return std::get<T>(std::move(m_v)); }
    const T* operator->() const { return &std::get<T>(m_v); }
    T* operator->() { return &std::get<T>(m_v); }
    const T& operator*() const { return std::get<T>(m_v); }
    const Error& error() const { return std::get<Error>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace sb
