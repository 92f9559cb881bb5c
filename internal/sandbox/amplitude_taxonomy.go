package sandbox

import (
	"net/http"
	"net/url"
)

// The Taxonomy API's user-property endpoints
// (amplitude.com/docs/apis/analytics/taxonomy#user-property): form-encoded
// bodies, a bare {"success": true} for every write, and custom properties
// named with their gp: prefix in paths and answers.

func (s *Server) createUserProperty(w http.ResponseWriter, r *http.Request) {
	form, err := decodeForm(r)
	if err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	var p problems
	checkFormFields(&p, form, createUserPropertyForm)
	name, _ := formValue(&p, form, propertyNameField)
	checkNewName(&p, propertyNameField, name)
	prop := userProperty{Name: name}
	prop.applySettings(&p, form)
	prop.validate(&p)
	if err := p.err(); err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	err = s.store.update(func(st *state) error {
		if err := checkUserPropertyNameFree(st, name, "add"); err != nil {
			return err
		}
		st.UserProperties = append(st.UserProperties, prop)
		return nil
	})
	s.answerTaxonomyWrite(w, r, err)
}

// listUserProperties leaves out hidden properties, as documented ("Hidden
// user properties, those that have a visibility other than "Visible", don't
// appear in the response"), and deleted ones unless showDeleted=true. The
// docs describe no pagination: the list is one answer.
func (s *Server) listUserProperties(w http.ResponseWriter, r *http.Request) {
	showDeleted, err := queryBool(r.URL.Query(), "showDeleted")
	if err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	views := []userPropertyView{}
	s.store.read(func(st *state) {
		for i := range st.UserProperties {
			p := &st.UserProperties[i]
			if !p.IsHidden && (showDeleted || !p.Deleted) {
				views = append(views, p.view())
			}
		}
	})
	writeAmplitudeData(w, views)
}

func (s *Server) getUserProperty(w http.ResponseWriter, r *http.Request) {
	showDeleted, err := queryBool(r.URL.Query(), "showDeleted")
	if err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	var view *userPropertyView
	s.store.read(func(st *state) {
		if i := st.userPropertyAt(r.PathValue("user_property")); i >= 0 && (showDeleted || !st.UserProperties[i].Deleted) {
			v := st.UserProperties[i].view()
			view = &v
		}
	})
	if view == nil {
		fail(s.amplitude, w, r, errNotFound)
		return
	}
	writeAmplitudeData(w, view)
}

// updateUserProperty changes the fields the form sends and, with
// new_user_property_value, the name.
func (s *Server) updateUserProperty(w http.ResponseWriter, r *http.Request) {
	form, err := decodeForm(r)
	if err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	err = s.store.update(func(st *state) error {
		i, err := liveUserProperty(st, r.PathValue("user_property"))
		if err != nil {
			return err
		}
		stored := st.UserProperties[i]
		if stored.BuiltIn {
			return refuse(http.StatusConflict,
				"Attempted to update a user property, %q, that is an Amplitude user property; only custom (%sNAME) properties can be changed", stored.Name, customPrefix)
		}
		updated, err := applyUserPropertyUpdate(stored, form)
		if err != nil {
			return err
		}
		if updated.Name != stored.Name {
			if err := checkUserPropertyNameFree(st, updated.Name, "rename "+stored.Name+" to"); err != nil {
				return err
			}
		}
		st.UserProperties[i] = updated
		return nil
	})
	s.answerTaxonomyWrite(w, r, err)
}

func applyUserPropertyUpdate(p userProperty, form url.Values) (userProperty, error) {
	var problems problems
	checkFormFields(&problems, form, updateUserPropertyForm)
	if newName, sent := formValue(&problems, form, propertyRenameField); sent {
		checkNewName(&problems, propertyRenameField, newName)
		p.Name = newName
	}
	p.applySettings(&problems, form)
	p.validate(&problems)
	return p, problems.err()
}

// deleteUserProperty marks a custom property deleted; restore brings it
// back. Amplitude's own properties cannot be deleted. A property that syncs
// use may be deleted, as nothing in the docs forbids it: the syncs keep
// their source_id and Braze attribute.
func (s *Server) deleteUserProperty(w http.ResponseWriter, r *http.Request) {
	err := s.store.update(func(st *state) error {
		i, err := liveUserProperty(st, r.PathValue("user_property"))
		if err != nil {
			return err
		}
		p := st.UserProperties[i]
		if p.BuiltIn {
			// The docs' own example of a refused delete.
			return refuse(http.StatusConflict, "Attempted to remove a user property, %q, that is not a planned user property.", p.Name)
		}
		p.Deleted = true
		st.UserProperties[i] = p
		return nil
	})
	s.answerTaxonomyWrite(w, r, err)
}

func (s *Server) restoreUserProperty(w http.ResponseWriter, r *http.Request) {
	err := s.store.update(func(st *state) error {
		i := st.userPropertyAt(r.PathValue("user_property"))
		if i < 0 {
			return errNotFound
		}
		p := st.UserProperties[i]
		if !p.Deleted {
			return refuse(http.StatusConflict, "Attempted to restore a user property, %q, that is not deleted.", p.apiName())
		}
		p.Deleted = false
		st.UserProperties[i] = p
		return nil
	})
	s.answerTaxonomyWrite(w, r, err)
}

// liveUserProperty finds the property a path names; a deleted one is "Not
// found", as get without showDeleted answers.
func liveUserProperty(st *state, pathName string) (int, error) {
	i := st.userPropertyAt(pathName)
	if i < 0 || st.UserProperties[i].Deleted {
		return -1, errNotFound
	}
	return i, nil
}

// checkUserPropertyNameFree refuses a name any property holds: a live one, a
// deleted one (which restore would bring back, so the name stays taken) or
// an Amplitude property (which a custom one would shadow). The message
// follows the Taxonomy API's conflicts, such as "Attempted to add a group
// property, "Group Property 1", that already exists."
func checkUserPropertyNameFree(st *state, name, attempt string) error {
	i := st.userPropertyNamed(name)
	if i < 0 {
		return nil
	}
	switch p := st.UserProperties[i]; {
	case p.BuiltIn:
		return refuse(http.StatusConflict, "Attempted to %s a user property, %q, that already exists as an Amplitude user property.", attempt, name)
	case p.Deleted:
		return refuse(http.StatusConflict,
			"Attempted to %s a user property, %q, that already exists and is deleted; restore it with POST /api/2/taxonomy/user-property/%s/restore.",
			attempt, name, url.PathEscape(p.apiName()))
	default:
		return refuse(http.StatusConflict, "Attempted to %s a user property, %q, that already exists.", attempt, name)
	}
}

// answerTaxonomyWrite answers a create, update, delete or restore: the
// Taxonomy API's bare {"success": true}, or the error in its shape.
func (s *Server) answerTaxonomyWrite(w http.ResponseWriter, r *http.Request, err error) {
	if err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	writeAmplitudeSuccess(w)
}
