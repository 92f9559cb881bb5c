package core

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"

	"github.com/ampbraze/terraform-provider-ampbraze/api"
)

// A vendor API is served from its OpenAPI document in api/. The document
// lists every operation with its method, path, parameters and body, so the
// sandbox takes its routes from there, and checks the shape of each
// request against the document before a handler sees it. The handlers then
// only check what a document cannot say: state, partner rules, limits.

// APIConfig describes one vendor API to serve.
type APIConfig struct {
	// Prefix is the path the API is served under; the document's paths are
	// appended to it.
	Prefix string
	// Document is the API's file in api/, such as api.Braze.
	Document string
	// Vendor answers in the vendor's shapes and applies its rate limit.
	Vendor Vendor
	// Guard, if set, runs in front of every operation, before the shape
	// check. It is the vendor's authentication, which a real API applies
	// before anything else.
	Guard func(op *Operation, next http.Handler) http.Handler
	// MethodNotAllowed answers a method a path does not take with 405 and
	// an Allow header, as the Developer API does. Without it the vendor
	// answers 404, as Amplitude's other APIs and Braze do.
	MethodNotAllowed bool
}

// API is a vendor API being served; its package hands it a handler for
// each operation of the document.
type API struct {
	sb     *Sandbox
	config APIConfig
	ops    map[string]*Operation
	served map[string]bool
}

// Operation is one operation of a document.
type Operation struct {
	// ID is the document's operationId, such as createDestination.
	ID string
	// Method and Path are the operation's method and path. Path is below
	// the API's prefix, with its parameters in braces, as the document
	// writes it.
	Method, Path string
	route        *routers.Route
}

// Extension reads a string list that the document attaches to the
// operation under name, such as x-required-scopes; a single string counts
// as a list of one.
func (op *Operation) Extension(name string) []string {
	switch v := op.route.Operation.Extensions[name].(type) {
	case string:
		return []string{v}
	case []any:
		var list []string
		for _, item := range v {
			if s, ok := item.(string); ok {
				list = append(list, s)
			}
		}
		return list
	}
	return nil
}

// TakesHeader reports whether the operation declares the header parameter.
func (op *Operation) TakesHeader(name string) bool {
	for _, p := range op.parameters() {
		if p.In == openapi3.ParameterInHeader && strings.EqualFold(p.Name, name) {
			return true
		}
	}
	return false
}

// parameters returns the operation's own parameters together with those
// its path declares.
func (op *Operation) parameters() []*openapi3.Parameter {
	var params []*openapi3.Parameter
	for _, refs := range []openapi3.Parameters{op.route.PathItem.Parameters, op.route.Operation.Parameters} {
		for _, ref := range refs {
			params = append(params, ref.Value)
		}
	}
	return params
}

type operationKey struct{}

// OperationOf returns the operation a vendor request was routed to, or nil
// for a path that matches no operation.
func OperationOf(r *http.Request) *Operation {
	op, _ := r.Context().Value(operationKey{}).(*Operation)
	return op
}

// ServeAPI starts serving the API that c describes. Each operation of its
// document is routed once its package calls Handle for it, and Start fails
// while any operation has no handler. A request to any other path under the
// prefix gets the vendor's 404.
//
// The documents are compiled in and checked by internal/contract's tests,
// so one that does not load is a broken build: ServeAPI panics.
func (sb *Sandbox) ServeAPI(c APIConfig) *API {
	doc, err := api.Load(c.Document)
	if err != nil {
		panic(fmt.Sprintf("sandbox: %v", err))
	}
	a := &API{sb: sb, config: c, ops: map[string]*Operation{}, served: map[string]bool{}}
	for path, item := range doc.Paths.Map() {
		var methods []string
		for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
			if spec := item.GetOperation(method); spec != nil {
				route := &routers.Route{Spec: doc, Path: path, PathItem: item, Method: method, Operation: spec}
				a.ops[spec.OperationID] = &Operation{ID: spec.OperationID, Method: method, Path: path, route: route}
				methods = append(methods, method)
			}
		}
		if c.MethodNotAllowed {
			sb.mux.Handle(c.Prefix+path, sb.vendorRoute(c.Vendor, nil, methodNotAllowed(c.Vendor, methods)))
		}
	}
	sb.mux.Handle(c.Prefix+"/", sb.vendorRoute(c.Vendor, nil, notFound(c.Vendor)))
	sb.apis = append(sb.apis, a)
	return a
}

// Operation returns the document's operation with the given id. It panics
// for an id the document does not have, because that is a mistake in the
// sandbox's code.
func (a *API) Operation(id string) *Operation {
	op := a.ops[id]
	if op == nil {
		panic(fmt.Sprintf("sandbox: api/%s has no operation %s", a.config.Document, id))
	}
	return op
}

// Handle serves the operation id with h, behind the request pipeline
// (vendorRoute), the API's guard and the check of the request's shape.
func (a *API) Handle(id string, h http.Handler) {
	op := a.Operation(id)
	next := a.checkShape(op, h)
	if a.config.Guard != nil {
		next = a.config.Guard(op, next)
	}
	a.sb.mux.Handle(op.Method+" "+a.config.Prefix+op.Path, a.sb.vendorRoute(a.config.Vendor, op, next))
	a.served[id] = true
}

// Serve calls Handle for each entry of handlers, which maps operation ids to
// their handlers.
func (a *API) Serve(handlers map[string]http.HandlerFunc) {
	for id, h := range handlers {
		a.Handle(id, h)
	}
}

// unserved lists the operations no handler serves yet.
func (a *API) unserved() []string {
	var missing []string
	for _, id := range slices.Sorted(maps.Keys(a.ops)) {
		if !a.served[id] {
			missing = append(missing, "api/"+a.config.Document+" "+id)
		}
	}
	return missing
}

// checkShape refuses a request whose parameters, headers or body do not
// match the operation's document, with every problem located, in the
// vendor's error shape.
func (a *API) checkShape(op *Operation, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if problems := op.checkRequest(r); len(problems) > 0 {
			Fail(a.config.Vendor, w, r, problems.Err(http.StatusBadRequest, ""))
			return
		}
		next.ServeHTTP(w, r)
	})
}

func methodNotAllowed(v Vendor, allowed []string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		v.WriteError(w, r, Refuse(http.StatusMethodNotAllowed, "%s is not served on %s; it takes %s", r.Method, r.URL.Path, strings.Join(allowed, ", ")))
	})
}

// withOperation records the operation in the request's context.
func withOperation(r *http.Request, op *Operation) *http.Request {
	if op == nil {
		return r
	}
	return r.WithContext(context.WithValue(r.Context(), operationKey{}, op))
}
