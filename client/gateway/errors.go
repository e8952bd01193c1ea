package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/protocol/wire"
)

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeOpenAIError(w http.ResponseWriter, status int, typ, code, msg string) {
	writeJSON(w, status, map[string]any{"error": map[string]any{"message": msg, "type": typ, "param": nil, "code": code}})
}

// writeParamError writes an invalid_request_error naming the request member at fault (param; "" for none).
func writeParamError(w http.ResponseWriter, status int, param, code, msg string) {
	var p any
	if param != "" {
		p = param
	}
	writeJSON(w, status, map[string]any{"error": map[string]any{"message": msg, "type": "invalid_request_error", "param": p, "code": code}})
}

// writeError renders err in OpenAI's shape with a status a client can act on.
func writeError(w http.ResponseWriter, err error) {
	status, typ, code := openAIStatus(err)
	writeOpenAIError(w, status, typ, code, err.Error())
}

func openAIStatus(err error) (status int, typ, code string) {
	var e *wire.Error
	if errors.As(err, &e) {
		switch e.Code {
		case wire.CodeAllowanceExhausted:
			return http.StatusTooManyRequests, "insufficient_quota", e.Code
		case wire.CodeUnknownModel:
			return http.StatusNotFound, "invalid_request_error", "model_not_found"
		case wire.CodeNoProvider, wire.CodeCapacity, wire.CodeSessionBusy:
			return http.StatusServiceUnavailable, "server_error", e.Code
		}
		status = e.Status
		if status < 400 || status > 599 {
			status = http.StatusBadGateway
		}
		if status >= 500 {
			return status, "server_error", e.Code
		}
		return status, "invalid_request_error", e.Code
	}
	switch {
	case errors.Is(err, client.ErrUnreachable):
		return http.StatusBadGateway, "server_error", "unreachable"
	case errors.Is(err, client.ErrBadGrant):
		return http.StatusBadGateway, "server_error", "bad_grant"
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout, "server_error", "timeout"
	}
	return http.StatusInternalServerError, "server_error", "internal"
}
