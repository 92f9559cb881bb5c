package amplitude

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// Dynamic attributes carry free-form JSON, such as a partner's config or
// property mappings, as Terraform values: objects for JSON objects, tuples
// for arrays, and strings, numbers and bools. Read keeps the user's own value
// whenever it holds the same JSON as Amplitude does. A value the user wrote
// as a map or a list would otherwise read back as an object or a tuple, and
// show as a change.

// dynamicToJSON encodes a known value as JSON; null encodes as null.
func dynamicToJSON(ctx context.Context, v attr.Value) (json.RawMessage, error) {
	if d, ok := v.(types.Dynamic); ok {
		if d.IsNull() {
			return json.RawMessage("null"), nil
		}
		if d.IsUnknown() || d.IsUnderlyingValueUnknown() {
			return nil, fmt.Errorf("the value is not known yet")
		}
		v = d.UnderlyingValue()
	}
	tv, err := v.ToTerraformValue(ctx)
	if err != nil {
		return nil, err
	}
	plain, err := plainValue(tv)
	if err != nil {
		return nil, err
	}
	return json.Marshal(plain)
}

// plainValue turns a Terraform value into what encoding/json writes.
func plainValue(v tftypes.Value) (any, error) {
	if !v.IsKnown() {
		return nil, fmt.Errorf("the value is not known yet")
	}
	if v.IsNull() {
		return nil, nil
	}
	t := v.Type()
	switch {
	case t.Is(tftypes.String):
		var s string
		err := v.As(&s)
		return s, err
	case t.Is(tftypes.Bool):
		var b bool
		err := v.As(&b)
		return b, err
	case t.Is(tftypes.Number):
		var n big.Float
		if err := v.As(&n); err != nil {
			return nil, err
		}
		return json.Number(numberText(&n)), nil
	case t.Is(tftypes.List{}), t.Is(tftypes.Set{}), t.Is(tftypes.Tuple{}):
		var elems []tftypes.Value
		if err := v.As(&elems); err != nil {
			return nil, err
		}
		out := make([]any, len(elems))
		for i, e := range elems {
			p, err := plainValue(e)
			if err != nil {
				return nil, err
			}
			out[i] = p
		}
		return out, nil
	case t.Is(tftypes.Map{}), t.Is(tftypes.Object{}):
		var attrs map[string]tftypes.Value
		if err := v.As(&attrs); err != nil {
			return nil, err
		}
		out := make(map[string]any, len(attrs))
		for k, e := range attrs {
			p, err := plainValue(e)
			if err != nil {
				return nil, err
			}
			out[k] = p
		}
		return out, nil
	}
	return nil, fmt.Errorf("a value of type %s cannot be sent as JSON", t)
}

// numberText writes a number as JSON text. It writes an integer in full,
// because the shortest form would write 1000000 as 1e+06.
func numberText(n *big.Float) string {
	if n.IsInt() {
		i, _ := n.Int(nil)
		return i.String()
	}
	return n.Text('g', -1)
}

// jsonToDynamic reads JSON into a dynamic value; empty input is null.
func jsonToDynamic(ctx context.Context, raw json.RawMessage) (types.Dynamic, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return types.DynamicNull(), nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var plain any
	if err := dec.Decode(&plain); err != nil {
		return types.DynamicNull(), err
	}
	if plain == nil {
		return types.DynamicNull(), nil
	}
	v, err := terraformValue(ctx, plain)
	if err != nil {
		return types.DynamicNull(), err
	}
	return types.DynamicValue(v), nil
}

func terraformValue(ctx context.Context, plain any) (attr.Value, error) {
	switch x := plain.(type) {
	case nil:
		// A JSON null inside an object or array still needs a Terraform
		// type. It gets the string type, which is what HCL's null defaults
		// to.
		return types.StringNull(), nil
	case string:
		return types.StringValue(x), nil
	case bool:
		return types.BoolValue(x), nil
	case json.Number:
		n, _, err := big.ParseFloat(x.String(), 10, 512, big.ToNearestEven)
		if err != nil {
			return nil, err
		}
		return types.NumberValue(n), nil
	case []any:
		elems := make([]attr.Value, len(x))
		elemTypes := make([]attr.Type, len(x))
		for i, e := range x {
			v, err := terraformValue(ctx, e)
			if err != nil {
				return nil, err
			}
			elems[i], elemTypes[i] = v, v.Type(ctx)
		}
		t, diags := types.TupleValue(elemTypes, elems)
		if diags.HasError() {
			return nil, fmt.Errorf("%v", diags)
		}
		return t, nil
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		attrs := make(map[string]attr.Value, len(x))
		attrTypes := make(map[string]attr.Type, len(x))
		for _, k := range keys {
			v, err := terraformValue(ctx, x[k])
			if err != nil {
				return nil, err
			}
			attrs[k], attrTypes[k] = v, v.Type(ctx)
		}
		o, diags := types.ObjectValue(attrTypes, attrs)
		if diags.HasError() {
			return nil, fmt.Errorf("%v", diags)
		}
		return o, nil
	}
	return nil, fmt.Errorf("unexpected JSON value %T", plain)
}

// keepIfSame returns prior when it holds the same JSON as server, so the
// user's own spelling of a value survives a read; otherwise server's value.
func keepIfSame(ctx context.Context, prior types.Dynamic, server json.RawMessage) (types.Dynamic, error) {
	if !prior.IsUnknown() {
		if mine, err := dynamicToJSON(ctx, prior); err == nil && developer.JSONEqual(mine, server) {
			return prior, nil
		}
	}
	return jsonToDynamic(ctx, server)
}
